import type { Role } from './roles.js';

/** The Vietnamese name of each role, the one copy: the web's vi catalogue and `thads serve` derive from it. */
export const ROLE_VI: Readonly<Record<Role, string>> = {
  admin: 'Quản trị viên',
  province_head: 'Lãnh đạo THADS tỉnh',
  office_head: 'Thủ trưởng cơ quan/Trưởng phòng',
  enforcer: 'Chấp hành viên',
  clerk: 'Kế toán/Thư ký',
  mobilisation_member: 'Thành viên tổ vận động',
  inspector: 'Thanh tra/Kiểm tra (chỉ xem)',
};
