/**
 * Stable error codes of the API (problem+json, RFC 9457) with their Vietnamese and English titles.
 * Integrity rules use their own rule ids as codes (see org.rules.ts).
 */
export const PROBLEMS = {
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn',
    en: 'Not signed in or the session has expired',
  },
  LOGIN_FAILED: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
    en: 'Too many failed logins, try again later',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Cần đổi mật khẩu trước khi làm việc tiếp',
    en: 'Change your password before going on',
  },
  PASSWORD_POLICY: {
    status: 422,
    vi: 'Mật khẩu chưa đạt yêu cầu an toàn',
    en: 'The password does not meet the policy',
  },
  CURRENT_PASSWORD_WRONG: { status: 422, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  CANNOT_DISABLE_SELF: {
    status: 422,
    vi: 'Không thể tự khóa tài khoản của chính mình',
    en: 'You cannot disable your own account',
  },
  CANNOT_RESET_OWN_PASSWORD: {
    status: 422,
    vi: 'Không đặt lại mật khẩu của chính mình ở đây: hãy dùng chức năng Đổi mật khẩu',
    en: 'Use "Change password" for your own account',
  },
  CSRF_INVALID: {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
    en: 'Missing or wrong CSRF token',
  },
  FORBIDDEN: { status: 403, vi: 'Không có quyền truy cập', en: 'Forbidden' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này', en: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'Invalid input' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON không đúng cú pháp', en: 'Malformed JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng nội dung không được hỗ trợ, cần application/json',
    en: 'Unsupported media type',
  },
  URI_TOO_LONG: { status: 414, vi: 'Địa chỉ yêu cầu quá dài', en: 'URI too long' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn', en: 'Payload too large' },
  FILE_TOO_LARGE: { status: 413, vi: 'Tệp vượt quá giới hạn cho phép', en: 'The file exceeds a limit' },
  FILE_UNPROCESSABLE: {
    status: 422,
    vi: 'Tệp không xử lý được trong giới hạn cho phép',
    en: 'The file cannot be processed within the limits',
  },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Bản ghi đã được người khác thay đổi, hãy tải lại rồi sửa tiếp',
    en: 'The record was changed by someone else',
  },
  DUPLICATE: { status: 409, vi: 'Bản ghi đã tồn tại', en: 'Already exists' },
  RULE_VIOLATION: { status: 422, vi: 'Vi phạm quy tắc nghiệp vụ', en: 'Business rule violated' },
  PDF_UNAVAILABLE: {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF: hãy tải tệp DOCX',
    en: 'PDF output needs LibreOffice on the server: download the DOCX',
  },
  SERVER_BUSY: {
    status: 503,
    vi: 'Máy chủ đang bận, vui lòng thử lại sau ít phút',
    en: 'The server is busy, try again in a few minutes',
  },
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống, thao tác chưa được thực hiện',
    en: 'Internal error, nothing was changed',
  },
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  field?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problem(code: ProblemCode, extra: Partial<Problem> = {}): Problem {
  const p = PROBLEMS[code];
  return { type: `urn:quyche:problem:${code.toLowerCase()}`, title: p.vi, status: p.status, code, ...extra };
}

/** A business error carried through the service layer and rendered as problem+json. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode | Problem, extra: Partial<Problem> = {}) {
    const p = typeof code === 'string' ? problem(code, extra) : { ...code, ...extra };
    super(p.detail ?? p.title);
    this.problem = p;
  }
}
