// The one message catalogue of the back office: the shell's messages here, each feature's in its folder.
// Vietnamese is the default and the source of keys; English must provide every key (the type checker
// enforces it, here and in every feature's file).
import * as cases from '../features/cases/messages';
import * as organisation from '../features/organisation/messages';
import * as statistics from '../features/statistics/messages';
import * as mobilisation from '../features/mobilisation/messages';
import * as steering from '../features/steering/messages';
import * as home from '../features/home/messages';
import { ROLE_VI } from '@domain/organisation';
import { prefixed } from './prefixed';

const shellVi = {
  'app.productName': 'Hệ thống quản lý thi hành án dân sự',
  'app.shortName': 'THADS',
  'app.documentTitle': 'THADS – Thi hành án dân sự',
  'app.language': 'Ngôn ngữ',
  'app.loading': 'Đang tải…',

  'error.sessionExpired': 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.unexpected': 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.',
  'error.lockedUntil': 'Tài khoản bị khóa đến {time}.',
  'error.retryAfter': 'Vui lòng thử lại sau {seconds} giây.',
  'error.notFoundTitle': 'Không tìm thấy trang',
  'error.notFoundText': 'Địa chỉ bạn mở không tồn tại trong hệ thống.',
  'error.forbiddenTitle': 'Không có quyền truy cập',
  'error.forbiddenText': 'Vai trò của bạn không được phép sử dụng chức năng này.',
  'error.backHome': 'Về trang chủ',

  'form.required': 'Vui lòng nhập thông tin này.',
  'form.choose': 'Vui lòng chọn một giá trị.',

  'common.search': 'Tìm kiếm',
  'common.clearFilters': 'Xóa bộ lọc',
  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.edit': 'Sửa',
  'common.actions': 'Thao tác',
  'common.retry': 'Thử lại',
  'common.total': 'Tổng cộng {total} bản ghi',

  'login.title': 'Đăng nhập',
  'login.subtitle': 'Dành cho cán bộ cơ quan thi hành án dân sự',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.usernameRequired': 'Vui lòng nhập tên đăng nhập.',
  'login.passwordRequired': 'Vui lòng nhập mật khẩu.',
  'login.loggedOut': 'Bạn đã đăng xuất.',

  'password.title': 'Đổi mật khẩu',
  'password.forcedTitle': 'Đặt mật khẩu mới',
  'password.forcedNotice':
    'Mật khẩu hiện tại của bạn là mật khẩu tạm thời hoặc đã được đặt lại. Vui lòng đặt mật khẩu mới để tiếp tục làm việc.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.submit': 'Đổi mật khẩu',
  'password.mismatch': 'Mật khẩu nhập lại không khớp với mật khẩu mới.',
  'password.changed': 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.',

  'nav.menu': 'Menu chính',
  'nav.openMenu': 'Mở menu',
  'nav.home': 'Trang chủ',
  'nav.cases': 'Hồ sơ thi hành án',
  'nav.statistics': 'Thống kê',
  'nav.mobilisation': 'Vận động',
  'nav.emulation': 'Thi đua khen thưởng',
  'nav.portal': 'Cổng thông tin',
  'nav.admin': 'Quản trị',
  'nav.users': 'Người dùng',
  'nav.units': 'Đơn vị',
  'nav.audit': 'Nhật ký hệ thống',

  'area.cases.description':
    'Quản lý hồ sơ thi hành án: thụ lý, phân công Chấp hành viên, xác minh, thu tiền, các quyết định và thời hạn theo luật.',
  'area.statistics.description':
    'Báo cáo kết quả thi hành án về việc và về tiền theo từng kỳ, so sánh với chỉ tiêu được giao và kiểm chứng được từng con số.',
  'area.mobilisation.description':
    'Theo dõi Ban Chỉ đạo, các Tổ vận động thi hành án ở xã, phường và các đợt cao điểm cùng kết quả vận động.',
  'area.emulation.description':
    'Đăng ký thi đua hằng năm, hồ sơ đề nghị và kết quả khen thưởng của tập thể, cá nhân.',
  'area.portal.description':
    'Đăng tin tức, danh sách người phải thi hành án chưa có điều kiện thi hành và kết quả thi hành án lên cổng thông tin.',
  'area.underConstruction': 'Chức năng đang được xây dựng',

  'header.activeUnit': 'Đơn vị làm việc',
  'header.unitSwitched': 'Đã chuyển sang đơn vị {unit}.',
  'header.userMenu': 'Tài khoản',
  'header.changePassword': 'Đổi mật khẩu',
  'header.logout': 'Đăng xuất',

  // the server's role names (src/modules/organisation/domain), the one Vietnamese copy
  ...prefixed('role.', ROLE_VI),

  'level.national': 'Trung ương',
  'level.province': 'Cấp tỉnh',
  'level.office': 'Cấp khu vực/huyện',

} satisfies Record<string, string>;

// Each feature brings its own messages (web/src/features/<name>/messages.ts); the catalogue is their union.
const vi = { ...shellVi, ...organisation.vi, ...cases.vi, ...statistics.vi, ...mobilisation.vi, ...steering.vi, ...home.vi };

export type MessageKey = keyof typeof vi;
export type Catalogue = Record<MessageKey, string>;

const shellEn: Record<keyof typeof shellVi, string> = {
  'app.productName': 'Civil Judgment Enforcement Management System',
  'app.shortName': 'THADS',
  'app.documentTitle': 'THADS – Civil judgment enforcement',
  'app.language': 'Language',
  'app.loading': 'Loading…',

  'error.sessionExpired': 'Your session has expired, please sign in again.',
  'error.network': 'Cannot reach the server. Please check the network and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.lockedUntil': 'The account is locked until {time}.',
  'error.retryAfter': 'Please try again in {seconds} seconds.',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundText': 'The address you opened does not exist in the system.',
  'error.forbiddenTitle': 'Access denied',
  'error.forbiddenText': 'Your role is not allowed to use this function.',
  'error.backHome': 'Back to home',

  'form.required': 'Please fill in this field.',
  'form.choose': 'Please choose a value.',

  'common.search': 'Search',
  'common.clearFilters': 'Clear filters',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.actions': 'Actions',
  'common.retry': 'Retry',
  'common.total': '{total} records in total',

  'login.title': 'Sign in',
  'login.subtitle': 'For staff of civil judgment enforcement offices',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Please enter your username.',
  'login.passwordRequired': 'Please enter your password.',
  'login.loggedOut': 'You have signed out.',

  'password.title': 'Change password',
  'password.forcedTitle': 'Set a new password',
  'password.forcedNotice':
    'Your current password is temporary or has been reset. Please set a new password to continue working.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat the new password',
  'password.submit': 'Change password',
  'password.mismatch': 'The repeated password does not match the new password.',
  'password.changed': 'Your password has been changed. Your other sessions have been ended.',

  'nav.menu': 'Main menu',
  'nav.openMenu': 'Open the menu',
  'nav.home': 'Home',
  'nav.cases': 'Enforcement cases',
  'nav.statistics': 'Statistics',
  'nav.mobilisation': 'Mobilisation',
  'nav.emulation': 'Emulation & awards',
  'nav.portal': 'News portal',
  'nav.admin': 'Administration',
  'nav.users': 'Users',
  'nav.units': 'Units',
  'nav.audit': 'Audit log',

  'area.cases.description':
    'Enforcement case files: acceptance, assignment of enforcers, verification, payments, decisions and legal deadlines.',
  'area.statistics.description':
    'Results of enforcement in cases and in money for each period, compared with the assigned targets, with every figure traceable.',
  'area.mobilisation.description':
    'The steering committee, the mobilisation teams in each commune, peak campaigns and their results.',
  'area.emulation.description': 'Yearly emulation registrations, commendation proposals and awards for teams and individuals.',
  'area.portal.description':
    'News, the public list of obligors without means to pay, and the office’s enforcement results on the public portal.',
  'area.underConstruction': 'This area is under construction',

  'header.activeUnit': 'Working unit',
  'header.unitSwitched': 'Switched to {unit}.',
  'header.userMenu': 'Account',
  'header.changePassword': 'Change password',
  'header.logout': 'Sign out',

  'role.admin': 'Administrator',
  'role.province_head': 'Provincial THADS leader',
  'role.office_head': 'Head of office',
  'role.enforcer': 'Enforcer',
  'role.clerk': 'Accountant/Clerk',
  'role.mobilisation_member': 'Mobilisation team member',
  'role.inspector': 'Inspector (read only)',

  'level.national': 'National',
  'level.province': 'Province',
  'level.office': 'Regional/district office',

};

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

const en: Catalogue = { ...shellEn, ...organisation.en, ...cases.en, ...statistics.en, ...mobilisation.en, ...steering.en, ...home.en };

export const messages: Record<Language, Catalogue> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
