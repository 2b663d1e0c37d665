/**
 * The one closed catalogue of error codes the application returns, with the HTTP status of each and a
 * message a clerk can act on, in Vietnamese (default) and English. Responses are
 * `{ error: { code, message, details } }` (docs/api.md).
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).', en: 'The request must send JSON (Content-Type: application/json).' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  AUTH_REQUIRED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  AUTH_SESSION_EXPIRED: { status: 401, vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired, please log in again.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  AUTH_ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần.', en: 'The account is temporarily locked after repeated failed logins.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.', en: 'The account is disabled. Contact an administrator.' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, vi: 'Bạn phải đổi mật khẩu trước khi tiếp tục.', en: 'You must change your password before continuing.' },
  AUTH_WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  PASSWORD_POLICY: { status: 400, vi: 'Mật khẩu mới chưa đủ mạnh.', en: 'The new password is too weak.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau.', en: 'Too many login attempts from this address. Try again later.' },
  CSRF_TOKEN_INVALID: { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.', en: 'Missing or wrong CSRF token. Reload the page.' },
  CSRF_ORIGIN_MISMATCH: { status: 403, vi: 'Yêu cầu đến từ trang web khác bị từ chối.', en: 'Cross-site request refused.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  CASE_RULE_VIOLATION: { status: 422, vi: 'Thao tác vi phạm quy định về thi hành án.', en: 'The action breaks an enforcement rule.' },
  VERSION_CONFLICT: { status: 409, vi: 'Hồ sơ vừa được người khác cập nhật. Hãy tải lại và thực hiện lại.', en: 'Someone else has just updated this case. Reload and try again.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu xung đột với dữ liệu đã có.', en: 'The data conflicts with existing data.' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database is unavailable.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.', en: 'Internal error. Try again or tell an administrator.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Lang = 'vi' | 'en';

/** An expected failure with a stable code; the HTTP adapter turns it into the response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    messageOverride?: string,
  ) {
    super(messageOverride ?? ERRORS[code].vi);
    this.name = 'AppError';
  }
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERRORS[code][lang];
}
