import { ORG_RULES } from '../org/org.rules.js';

/**
 * Every `code` the API answers with (problem+json, RFC 9457), in two lists:
 *
 * - PROBLEM_CODES: the kinds of problem. Each fixes the HTTP status, the `type` (`urn:quyche:problem:<code>`) and the
 *   `title` (Vietnamese) of what is sent; `new ProblemError('NOT_FOUND')`.
 * - SPECIFIC_CODES: a more precise `code` that replaces the kind's in what is sent, for the client to tell one rule
 *   or one limit from another: `new ProblemError('RULE_VIOLATION', { code: 'SAI_THAM_QUYEN', detail })`. It keeps
 *   the status, type and title of its kind (unless the thrower gives a title of its own).
 *
 * A code typed as a literal that is in neither list fails `tsc` (see ProblemExtra). docs/API.md "Mã lỗi" is rendered
 * from these lists (problem.doc.ts) and a test fails when the two differ.
 */
export const PROBLEM_CODES = [
  'UNAUTHENTICATED',
  'LOGIN_FAILED',
  'LOGIN_THROTTLED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'CURRENT_PASSWORD_WRONG',
  'CANNOT_DISABLE_SELF',
  'CANNOT_RESET_OWN_PASSWORD',
  'CSRF_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'PAYLOAD_TOO_LARGE',
  'FILE_TOO_LARGE',
  'FILE_UNPROCESSABLE',
  'VERSION_CONFLICT',
  'DUPLICATE',
  'RULE_VIOLATION',
  'PDF_UNAVAILABLE',
  'SERVER_BUSY',
  'INTERNAL',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ProblemInfo {
  /** HTTP status, 400–599. */
  status: number;
  /** The `title` sent: Vietnamese, with its diacritics. */
  vi: string;
  en: string;
  /** One line: when the API answers with this code. */
  when: string;
}

/** Stable error codes of the API with their Vietnamese and English titles. */
export const PROBLEMS = {
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn',
    en: 'Not signed in or the session has expired',
    when: 'No valid session cookie on a route other than login (never signed in, logged out, expired or revoked)',
  },
  LOGIN_FAILED: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
    when: 'Login with an unknown username, a wrong password or a disabled account (the answer does not say which)',
  },
  LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
    en: 'Too many failed logins, try again later',
    when: 'Too many failed logins for the username or from the address; `Retry-After` says when to try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Cần đổi mật khẩu trước khi làm việc tiếp',
    en: 'Change your password before going on',
    when: 'The account has a password an administrator set: every route but /auth/me, logout and password change',
  },
  PASSWORD_POLICY: {
    status: 422,
    vi: 'Mật khẩu chưa đạt yêu cầu an toàn',
    en: 'The password does not meet the policy',
    when: 'A new password is shorter than 10 or longer than 200 characters, common, or holds the username',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 422,
    vi: 'Mật khẩu hiện tại không đúng',
    en: 'The current password is wrong',
    when: 'Changing one’s password with a wrong current password (throttled like logins)',
  },
  CANNOT_DISABLE_SELF: {
    status: 422,
    vi: 'Không thể tự khóa tài khoản của chính mình',
    en: 'You cannot disable your own account',
    when: 'An administrator disables the account they are using',
  },
  CANNOT_RESET_OWN_PASSWORD: {
    status: 422,
    vi: 'Không đặt lại mật khẩu của chính mình ở đây: hãy dùng chức năng Đổi mật khẩu',
    en: 'Use "Change password" for your own account',
    when: 'An administrator resets the password of the account they are using',
  },
  CSRF_INVALID: {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
    en: 'Missing or wrong CSRF token',
    when: 'A write (POST, PUT, PATCH, DELETE) without the session’s `x-csrf-token` header, or with another one',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Không có quyền truy cập',
    en: 'Forbidden',
    when: 'The account’s role or grants do not allow this action on a record it may see',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy',
    en: 'Not found',
    when: 'The record named does not exist, or is out of the account’s scope or above its clearance',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: 'Không có địa chỉ này',
    en: 'No such route',
    when: 'No route has this method and path (asked with a session; without one the answer is 401)',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Phương thức không được hỗ trợ',
    en: 'Method not allowed',
    when: 'Reserved: not sent at present (an unknown method on a known path is ROUTE_NOT_FOUND)',
  },
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ',
    en: 'Invalid input',
    when: 'Body, query or address not as the route’s schema wants; `field` and `errors` name the fields',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung JSON không đúng cú pháp',
    en: 'Malformed JSON',
    when: 'A body sent as JSON that does not parse, or is empty',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng nội dung không được hỗ trợ, cần application/json',
    en: 'Unsupported media type',
    when: 'A body that is not `application/json` where JSON is expected, or a wrong Content-Length',
  },
  URI_TOO_LONG: {
    status: 414,
    vi: 'Địa chỉ yêu cầu quá dài',
    en: 'URI too long',
    when: 'A segment of the path is longer than the router accepts',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn',
    en: 'Payload too large',
    when: 'The body exceeds the route’s limit (`limit` in bytes), or an attached file exceeds 8 MB',
  },
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp vượt quá giới hạn cho phép',
    en: 'The file exceeds a limit',
    when: 'An uploaded file, or what it inflates to, exceeds a size limit; a specific `code` says which, with `limit`',
  },
  FILE_UNPROCESSABLE: {
    status: 422,
    vi: 'Tệp không xử lý được trong giới hạn cho phép',
    en: 'The file cannot be processed within the limits',
    when: 'A file with too many rows or columns, too long a cell, or that takes too long to read; a specific `code`',
  },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Bản ghi đã được người khác thay đổi, hãy tải lại rồi sửa tiếp',
    en: 'The record was changed by someone else',
    when: 'The `version` sent is not the record’s current one (`currentVersion`): someone changed it meanwhile',
  },
  DUPLICATE: {
    status: 409,
    vi: 'Bản ghi đã tồn tại',
    en: 'Already exists',
    when: 'A code, name, number or link that another record already has',
  },
  RULE_VIOLATION: {
    status: 422,
    vi: 'Vi phạm quy tắc nghiệp vụ',
    en: 'Business rule violated',
    when: 'A rule of the Party Statute, the working regulation or the record’s life cycle refuses; `code` names it',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF: hãy tải tệp DOCX',
    en: 'PDF output needs LibreOffice on the server: download the DOCX',
    when: 'A report asked as PDF on a server without LibreOffice',
  },
  SERVER_BUSY: {
    status: 503,
    vi: 'Máy chủ đang bận, vui lòng thử lại sau ít phút',
    en: 'The server is busy, try again in a few minutes',
    when: 'More than 16 files wait to be read (`Retry-After`), or the PDF conversion failed or timed out',
  },
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống, thao tác chưa được thực hiện',
    en: 'Internal error, nothing was changed',
    when: 'An unexpected error: nothing was changed; the server’s log has the cause (never the answer)',
  },
} as const satisfies Record<ProblemCode, ProblemInfo>;

/** The codes more precise than their kind (see above), grouped by kind. */
export const SPECIFIC_CODES = [
  // VALIDATION_FAILED (400)
  'BANG_DANG_VIEN_CO_LOI',
  'BANG_TINH_CO_LOI',
  'CHI_SO_KHONG_CO',
  'CSV_SAI_DINH_DANG',
  'DINH_DANG_KHONG_HO_TRO',
  'KHONG_DOC_DUOC',
  'KHONG_PHAI_DOCX',
  'KHONG_PHAI_UTF8',
  'SO_LIEU_KHONG_CO',
  'THIEU_GIAI_TRINH_SO_LIEU',
  'THIEU_KY_SO_KET',
  // NOT_FOUND (404)
  'KHONG_CO_BAN_THAM_MUU',
  // DUPLICATE (409)
  'CHUONG_TRINH_DA_CO',
  // FILE_TOO_LARGE (413)
  'TEP_QUA_LON',
  'TEP_GIAI_NEN_QUA_LON',
  'TONG_GIAI_NEN_QUA_LON',
  'TI_LE_NEN_BAT_THUONG',
  'QUA_NHIEU_TEP_TRONG_GOI',
  'VUOT_BO_NHO_XU_LY',
  // FILE_UNPROCESSABLE (422)
  'QUA_NHIEU_DONG',
  'QUA_NHIEU_COT',
  'O_QUA_DAI',
  'QUA_THOI_GIAN_XU_LY',
  // SERVER_BUSY (503)
  'XUAT_PDF_LOI',
  // RULE_VIOLATION (422): integrity of organizations, bodies and memberships (ORG_RULES)
  'BI_THU_LA_UY_VIEN_BTV',
  'THUONG_TRUC_GOM_BI_THU_PHO_BI_THU',
  'CHI_BO_TOI_THIEU_3_DANG_VIEN',
  'CHI_UY_KHI_TU_9_DANG_VIEN',
  'MOT_NGUOI_MOT_CHUC_VU',
  'KHONG_TRUNG_THANH_VIEN',
  'HIEU_LUC_TRONG_CO_QUAN',
  'CO_QUAN_TRONG_TO_CHUC',
  'MOT_TO_CHUC_CAP_TREN',
  'TU_LAM_CAP_TREN',
  'NGAY_KET_THUC_TRUOC_NGAY_BAT_DAU',
  // RULE_VIOLATION: reorganization (merger, dissolution)
  'TO_CHUC_NGUON_TRONG',
  'THIEU_TO_CHUC_KE_THUA',
  'TO_CHUC_KHONG_CON_HIEU_LUC',
  'KE_THUA_CHINH_NO',
  'KE_THUA_CHUA_HIEU_LUC',
  // RULE_VIOLATION: the regulation, its engine and its amendments
  'ENGINE_NO_RULE',
  'ENGINE_CONFLICT',
  'ENGINE_BAD_INPUT',
  'ENGINE_UNKNOWN_REFERENCE',
  'BAD_EFFECT',
  'RULE_MISSING',
  'TARGET_MISSING',
  'KHONG_CO_PHIEN_BAN_HIEU_LUC',
  'KHONG_CO_QUY_CHE',
  'CHUA_CO_QUY_CHE',
  'QUY_CHE_CHUA_QUY_DINH',
  // RULE_VIOLATION: party members
  'CHUYEN_SINH_HOAT_KHONG_HOP_LE',
  'DANG_PHI_KHONG_HOP_LE',
  'CHAM_DIEM_KHONG_HOP_LE',
  'CHUA_CO_QUY_DINH_DANH_GIA',
  'DANH_GIA_KHONG_HOP_LE',
  'XEP_LOAI_VUOT_DIEU_KIEN',
  'VUOT_TY_LE_XUAT_SAC',
  'SAI_TRINH_TU_XEP_LOAI',
  // RULE_VIOLATION: meetings
  'TRANG_THAI_HOI_NGHI',
  'DOI_NGAY_SAU_TRIEU_TAP',
  'KHONG_DOI_NGAY_HOP',
  'TRIEU_TAP_SAI_THAM_QUYEN',
  'CHUA_TRIEU_TAP',
  'TRUOC_NGAY_HOP',
  'KHONG_PHAI_TRUC_TUYEN',
  'DA_DIEM_DANH_O_DIEM_CAU_KHAC',
  'KHONG_PHAI_LAY_Y_KIEN',
  'QUA_HAN_TRA_LOI',
  'LAY_Y_KIEN_TU_KIEM_PHIEU',
  'KHONG_DU_DIEU_KIEN_HOP_LE',
  'BO_PHIEU_KIN_BAT_BUOC',
  'CHUA_CO_BIEN_BAN',
  // RULE_VIOLATION: documents, conclusions and tasks
  'THIEU_KY_HIEU_CO_QUAN',
  'KHONG_CO_NHIEM_KY',
  'MOT_DAU_MOI_CHU_TRI',
  'KHONG_PHAI_NHIEM_VU',
  'TRANG_THAI_NHIEM_VU',
  'KHONG_CO_HAN',
  'DA_QUYET_DINH',
  'GIA_HAN_SAI_THAM_QUYEN',
  // RULE_VIOLATION: working programs
  'NGOAI_THOI_GIAN_CHUONG_TRINH',
  'CHUONG_TRINH_DA_THONG_QUA',
  'CHUONG_TRINH_SAI_THAM_QUYEN',
  'CHUONG_TRINH_TRONG',
  'CHUONG_TRINH_CHUA_THONG_QUA',
  // RULE_VIOLATION: consultation on drafts
  'DU_THAO_LOI',
  'DA_KET_THUC_LAY_Y_KIEN',
  'KHONG_CAN_TIEP_THU',
  'DA_GOP_Y',
  'CHUA_DEN_HAN',
  'CHUA_XU_LY_HET_Y_KIEN',
  'DA_TRINH_THONG_QUA',
  'CHUA_CO_BAN_CHINH_LY',
  'SAI_THAM_QUYEN_THONG_QUA',
  'TRAI_QUY_CHE_CAP_TREN',
  'CHUA_TRINH',
  'CHUA_BIEU_QUYET',
  'CHUA_THONG_QUA',
  // RULE_VIOLATION: inspection, shortcomings, recommendations, reviews
  'BUOC_KIEM_TRA',
  'DA_KHAC_PHUC',
  'KIEN_NGHI_LEN_CAP_TREN',
  'TRANG_THAI_KIEN_NGHI',
  'KHONG_PHAI_CAP_DUOI',
  'TRANG_THAI_YEU_CAU',
  'BAO_CAO_DA_THONG_QUA',
  'BAO_CAO_KHONG_CON_DU_THAO',
  'BAO_CAO_DA_HUY',
  'HOI_NGHI_CHUA_HOP',
  'HOI_NGHI_TRUOC_KY',
  'SAI_THAM_QUYEN',
  'KHONG_CO_NHIEM_VU_TRONG_TAM',
] as const;
export type SpecificCode = (typeof SPECIFIC_CODES)[number];

/** Every value of `code` the API sends. */
export type ErrorCode = ProblemCode | SpecificCode;

export interface SpecificCodeInfo {
  /** The kind sent with it: its status, type and (unless the thrower gives one) title. */
  problem: ProblemCode;
  /** What it means, in Vietnamese with its diacritics (the title the thrower gives, where it gives one). */
  vi: string;
  en: string;
  /** One line: when the API answers with this code. */
  when: string;
}

const rule = (vi: string, en: string, when: string): SpecificCodeInfo => ({ problem: 'RULE_VIOLATION', vi, en, when });
const orgRule = (id: keyof typeof ORG_RULES): SpecificCodeInfo =>
  rule(
    ORG_RULES[id].vi,
    ORG_RULES[id].en,
    `A change to organizations, bodies or memberships that breaks this rule (${ORG_RULES[id].basis}); ` +
      `its title is sent`,
  );

export const SPECIFIC = {
  BANG_DANG_VIEN_CO_LOI: {
    problem: 'VALIDATION_FAILED',
    vi: 'Bảng đảng viên có lỗi: chưa nhập đảng viên nào',
    en: 'The members’ sheet has errors: no member imported',
    when: 'A members’ sheet with rows in error (or members already in the register); `errors` by row and column',
  },
  BANG_TINH_CO_LOI: {
    problem: 'VALIDATION_FAILED',
    vi: 'Bảng tính có lỗi: chưa nhập nhiệm vụ nào',
    en: 'The sheet has errors: no task imported',
    when: 'A task sheet with rows in error; `errors` lists the first ones by row and column',
  },
  CHI_SO_KHONG_CO: {
    problem: 'VALIDATION_FAILED',
    vi: 'Không có chỉ số này',
    en: 'No such indicator',
    when: 'The detail of a review indicator asked without an indicator code, or with an unknown one',
  },
  CSV_SAI_DINH_DANG: {
    problem: 'VALIDATION_FAILED',
    vi: 'Tệp CSV sai định dạng',
    en: 'Malformed CSV file',
    when: 'A CSV file that does not parse (a quote opened and not closed, …)',
  },
  DINH_DANG_KHONG_HO_TRO: {
    problem: 'VALIDATION_FAILED',
    vi: 'Định dạng tệp không được hỗ trợ',
    en: 'File type not supported',
    when: 'An import of a file it does not read (sheets: .xlsx, .csv; regulations: .docx, .txt)',
  },
  KHONG_DOC_DUOC: {
    problem: 'VALIDATION_FAILED',
    vi: 'Không đọc được tệp văn bản',
    en: 'Unreadable text file',
    when: 'A regulation imported as text that is neither UTF-8 nor UTF-16',
  },
  KHONG_PHAI_DOCX: {
    problem: 'VALIDATION_FAILED',
    vi: 'Tệp không phải tài liệu Word (.docx)',
    en: 'Not a Word document (.docx)',
    when: 'A regulation imported as .docx whose package does not open, or has no document part',
  },
  KHONG_PHAI_UTF8: {
    problem: 'VALIDATION_FAILED',
    vi: 'Tệp CSV không ở bảng mã Unicode',
    en: 'The CSV file is not in Unicode',
    when: 'A CSV file that is neither UTF-8 nor UTF-16',
  },
  SO_LIEU_KHONG_CO: {
    problem: 'VALIDATION_FAILED',
    vi: 'Kỳ sơ kết không có số liệu này',
    en: 'The period has no such figure',
    when: 'A review report’s paragraph cites, or an override names, a figure the period does not have',
  },
  THIEU_GIAI_TRINH_SO_LIEU: {
    problem: 'VALIDATION_FAILED',
    vi: 'Thiếu giải trình cho số liệu đã sửa',
    en: 'A changed figure needs an explanation',
    when: 'A review report states a figure other than the one computed from the records, without saying why',
  },
  THIEU_KY_SO_KET: {
    problem: 'VALIDATION_FAILED',
    vi: 'Chưa chọn kỳ sơ kết',
    en: 'No review period chosen',
    when: 'A review asked without its period (start and end dates, or a quarter, half-year, year or term)',
  },
  KHONG_CO_BAN_THAM_MUU: {
    problem: 'NOT_FOUND',
    vi: 'Không có cơ quan tham mưu, giúp việc này',
    en: 'No such advisory office',
    when: 'A briefing for an advisory office the organization does not have in the chosen period',
  },
  CHUONG_TRINH_DA_CO: {
    problem: 'DUPLICATE',
    vi: 'Kỳ này đã có chương trình công tác',
    en: 'The period already has a working program',
    when: 'A second working program for a body and period that has a draft or adopted one',
  },
  TEP_QUA_LON: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Tệp vượt quá dung lượng cho phép',
    en: 'The file is too large',
    when: 'The file itself is larger than its kind may be (`limit` in bytes)',
  },
  TEP_GIAI_NEN_QUA_LON: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Một phần của gói nén quá lớn khi giải nén',
    en: 'A part of the package inflates too much',
    when: 'One part of a .docx or .xlsx would inflate beyond the limit per part',
  },
  TONG_GIAI_NEN_QUA_LON: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Gói nén quá lớn khi giải nén',
    en: 'The package inflates too much',
    when: 'The parts of a .docx or .xlsx would inflate beyond the limit in all',
  },
  TI_LE_NEN_BAT_THUONG: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Tỉ lệ nén bất thường',
    en: 'Abnormal compression ratio',
    when: 'A part above 100 KB inflates more than 100 times its compressed size (a zip bomb)',
  },
  QUA_NHIEU_TEP_TRONG_GOI: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Gói nén có quá nhiều tệp',
    en: 'Too many parts in the package',
    when: 'A .docx or .xlsx with more parts than allowed',
  },
  VUOT_BO_NHO_XU_LY: {
    problem: 'FILE_TOO_LARGE',
    vi: 'Tệp cần nhiều bộ nhớ hơn giới hạn xử lý',
    en: 'The file needs more memory than allowed',
    when: 'Reading the file ran out of the memory a worker thread may use',
  },
  QUA_NHIEU_DONG: {
    problem: 'FILE_UNPROCESSABLE',
    vi: 'Bảng tính có quá nhiều dòng',
    en: 'Too many rows',
    when: 'A sheet with more rows than one import takes (10,000; `limit`)',
  },
  QUA_NHIEU_COT: {
    problem: 'FILE_UNPROCESSABLE',
    vi: 'Bảng tính có quá nhiều cột',
    en: 'Too many columns',
    when: 'A sheet with more columns than allowed (60; `limit`)',
  },
  O_QUA_DAI: {
    problem: 'FILE_UNPROCESSABLE',
    vi: 'Ô của bảng tính quá dài',
    en: 'A cell is too long',
    when: 'A cell (or a CSV line) longer than allowed (`limit` in characters)',
  },
  QUA_THOI_GIAN_XU_LY: {
    problem: 'FILE_UNPROCESSABLE',
    vi: 'Tệp cần quá nhiều thời gian để đọc',
    en: 'The file takes too long to read',
    when: 'Reading the file took longer than its time limit (15 s; `limit` in seconds)',
  },
  XUAT_PDF_LOI: {
    problem: 'SERVER_BUSY',
    vi: 'Chưa chuyển được báo cáo sang PDF',
    en: 'The report could not be converted to PDF',
    when: 'LibreOffice failed, or took longer than allowed, to convert a report: the DOCX still works',
  },
  BI_THU_LA_UY_VIEN_BTV: orgRule('BI_THU_LA_UY_VIEN_BTV'),
  THUONG_TRUC_GOM_BI_THU_PHO_BI_THU: orgRule('THUONG_TRUC_GOM_BI_THU_PHO_BI_THU'),
  CHI_BO_TOI_THIEU_3_DANG_VIEN: orgRule('CHI_BO_TOI_THIEU_3_DANG_VIEN'),
  CHI_UY_KHI_TU_9_DANG_VIEN: orgRule('CHI_UY_KHI_TU_9_DANG_VIEN'),
  MOT_NGUOI_MOT_CHUC_VU: orgRule('MOT_NGUOI_MOT_CHUC_VU'),
  KHONG_TRUNG_THANH_VIEN: orgRule('KHONG_TRUNG_THANH_VIEN'),
  HIEU_LUC_TRONG_CO_QUAN: orgRule('HIEU_LUC_TRONG_CO_QUAN'),
  CO_QUAN_TRONG_TO_CHUC: orgRule('CO_QUAN_TRONG_TO_CHUC'),
  MOT_TO_CHUC_CAP_TREN: orgRule('MOT_TO_CHUC_CAP_TREN'),
  TU_LAM_CAP_TREN: rule(
    'Tổ chức không thể là cấp trên của chính mình',
    'An organization cannot be its own parent',
    'An organization or parent link naming the organization as its own parent',
  ),
  NGAY_KET_THUC_TRUOC_NGAY_BAT_DAU: rule(
    'Ngày kết thúc không được trước ngày bắt đầu',
    'The end date is before the start date',
    'A record whose end date would fall before its start date',
  ),
  TO_CHUC_NGUON_TRONG: rule(
    'Cần ít nhất một tổ chức bị sáp nhập hoặc giải thể',
    'No organization to merge or dissolve',
    'A reorganization without any source organization',
  ),
  THIEU_TO_CHUC_KE_THUA: rule(
    'Sáp nhập, hợp nhất cần tổ chức kế thừa',
    'A merger needs a successor',
    'A merger or amalgamation without the organization that succeeds',
  ),
  TO_CHUC_KHONG_CON_HIEU_LUC: rule(
    'Tổ chức không còn hoạt động vào ngày này',
    'The organization no longer exists on that day',
    'A reorganization of an organization already closed on the day before it takes effect',
  ),
  KE_THUA_CHINH_NO: rule(
    'Tổ chức không thể kế thừa chính nó',
    'An organization cannot succeed itself',
    'A reorganization whose successor is one of its sources',
  ),
  KE_THUA_CHUA_HIEU_LUC: rule(
    'Tổ chức kế thừa chưa hoạt động vào ngày này',
    'The successor does not exist yet on that day',
    'A reorganization whose successor does not exist on the day it takes effect',
  ),
  ENGINE_NO_RULE: rule(
    'Quy chế không có quy định trả lời câu hỏi này',
    'The regulation has no rule for this',
    'No rule in force answers the question (a vote’s threshold, a competence, a deadline)',
  ),
  ENGINE_CONFLICT: rule(
    'Quy chế có các quy định mâu thuẫn',
    'The regulation has conflicting rules',
    'Two rules in force answer differently and neither overrides the other',
  ),
  ENGINE_BAD_INPUT: rule(
    'Câu hỏi không hợp lệ',
    'Invalid question',
    'The question, or the rule that answers it, is malformed (a ratio without a base, …)',
  ),
  ENGINE_UNKNOWN_REFERENCE: rule(
    'Quy chế không khai báo cơ quan được dẫn',
    'The regulation does not declare the body named',
    'A rule or question names a body the regulation does not declare',
  ),
  BAD_EFFECT: rule(
    'Hiệu lực sửa đổi không hợp lệ',
    'Invalid amendment effect',
    'An amendment effect that lacks what its kind needs (a "set" without "path", …)',
  ),
  RULE_MISSING: rule(
    'Quy chế không có quy tắc được sửa đổi',
    'The amended rule does not exist',
    'An amendment changes a rule the regulation does not have',
  ),
  TARGET_MISSING: rule(
    'Quy chế không có phần tử được sửa đổi',
    'The amended element does not exist',
    'An amendment targets an element the regulation does not have on its effective date',
  ),
  KHONG_CO_PHIEN_BAN_HIEU_LUC: rule(
    'Không có phiên bản quy chế có hiệu lực',
    'No version in force',
    'A question to the regulation for a day on which none of its versions is in force',
  ),
  KHONG_CO_QUY_CHE: rule(
    'Không có quy chế làm việc có hiệu lực',
    'No working regulation in force',
    'Convening, a vote’s result or a competence needs a regulation the body does not have on the day',
  ),
  CHUA_CO_QUY_CHE: rule(
    'Tổ chức chưa có quy chế làm việc có hiệu lực',
    'The organization has no regulation in force',
    'Adopting a review report when no regulation says which body adopts it',
  ),
  QUY_CHE_CHUA_QUY_DINH: rule(
    'Quy chế chưa quy định cơ quan quyết định nội dung này',
    'The regulation names no body for this',
    'Submitting a draft whose subject the regulation gives to no body',
  ),
  CHUYEN_SINH_HOAT_KHONG_HOP_LE: rule(
    'Không chuyển sinh hoạt đảng được',
    'The transfer cannot be made',
    'A transfer to an organization not a cell, to the member’s own cell, before the current membership began, ' +
      'or of a member no longer in the register',
  ),
  DANG_PHI_KHONG_HOP_LE: rule(
    'Không ghi được đảng phí',
    'The dues cannot be recorded',
    'Dues recorded for a month not yet begun, an amount below the member’s rate (Quy định 01-QĐ/TW Điều 3), a ' +
      'remittance above what the cell collected, or a month already remitted',
  ),
  CHAM_DIEM_KHONG_HOP_LE: rule(
    'Không chấm điểm được buổi sinh hoạt này',
    'This meeting cannot be scored',
    'Scoring a meeting not of a cell or not yet held, a score already checked by the grassroots committee, a check ' +
      'before the cell scored, or a regulation without a score sheet',
  ),
  CHUA_CO_QUY_DINH_DANH_GIA: rule(
    'Chưa có quy định đánh giá, xếp loại áp dụng',
    'No assessment rules apply',
    'Opening or classifying a year’s assessment where no regulation of assessment (applies_to assessment) is in ' +
      'force for the organization or any above it',
  ),
  DANH_GIA_KHONG_HOP_LE: rule(
    'Không ghi được phiếu đánh giá',
    'The assessment cannot be recorded',
    'A self-assessment by someone other than the member, points over a criterion’s maximum, a change of a figure ' +
      'without its reason, an opinion or a change after the decision',
  ),
  XEP_LOAI_VUOT_DIEU_KIEN: rule(
    'Mức xếp loại cao hơn mức hồ sơ cho phép',
    'The level is above what the record allows',
    'Deciding a level above the one the assessment rules give for the record (points, tasks, shortcomings, discipline)',
  ),
  VUOT_TY_LE_XUAT_SAC: rule(
    'Vượt tỷ lệ "Hoàn thành xuất sắc nhiệm vụ"',
    'Over the quota of the top level',
    'A decision that would put more subjects of a unit at the top level than the quota of the rules allows',
  ),
  SAI_TRINH_TU_XEP_LOAI: rule(
    'Chưa đến lượt xếp loại tổ chức đảng này',
    'Not yet: its members and subordinate organizations come first',
    'Classifying a party organization while its members or the organizations below it are undecided ' +
      '(the order of Điều 12 khoản 2 Quy định 366-QĐ/TW, as the rules in force encode it)',
  ),
  TRANG_THAI_HOI_NGHI: rule(
    'Hội nghị không ở bước cho phép thao tác này',
    'The meeting is not at a stage that allows this',
    'A step the meeting’s stage does not allow (adding to a closed meeting, a conclusion before it closes, …)',
  ),
  DOI_NGAY_SAU_TRIEU_TAP: rule(
    'Hội nghị đã triệu tập: đổi ngày bằng "Dời ngày họp"',
    'Convened: use reschedule to move the date',
    'Changing the date of a meeting already convened by editing it instead of rescheduling',
  ),
  KHONG_DOI_NGAY_HOP: rule(
    'Không dời được ngày họp',
    'The meeting cannot be rescheduled',
    'Rescheduling a meeting that is in session, closed or cancelled',
  ),
  TRIEU_TAP_SAI_THAM_QUYEN: rule(
    'Triệu tập hội nghị không đúng thẩm quyền',
    'Convened without the competence',
    'Convening by someone the regulation does not give that power (`detail` cites the clause)',
  ),
  CHUA_TRIEU_TAP: rule(
    'Hội nghị chưa triệu tập',
    'The meeting is not convened',
    'Marking attendance before the meeting is convened (no list of those summoned yet)',
  ),
  TRUOC_NGAY_HOP: rule(
    'Chưa đến ngày họp',
    'Before the meeting day',
    'A step of the meeting (opening, closing, …) taken before its date',
  ),
  KHONG_PHAI_TRUC_TUYEN: rule(
    'Hội nghị trực tiếp không có điểm cầu',
    'An in-person meeting has no connection points',
    'Adding a connection point to a meeting that is not online or hybrid',
  ),
  DA_DIEM_DANH_O_DIEM_CAU_KHAC: rule(
    'Người này đã được điểm danh ở một điểm cầu khác',
    'Already marked at another connection point',
    'Marking at a point a member another point has marked',
  ),
  KHONG_PHAI_LAY_Y_KIEN: rule(
    'Chỉ lấy ý kiến bằng văn bản mới nhận phiếu trả lời',
    'Only a written consultation takes replies',
    'Recording a written reply for a meeting that is not a written consultation',
  ),
  QUA_HAN_TRA_LOI: rule(
    'Phiếu trả lời nhận sau hạn',
    'Reply received after the deadline',
    'A written reply received after the consultation’s deadline',
  ),
  LAY_Y_KIEN_TU_KIEM_PHIEU: rule(
    'Lấy ý kiến bằng văn bản được kiểm phiếu từ các phiếu trả lời',
    'A written consultation counts its replies',
    'Entering a vote by hand for a written consultation (it is tallied from the replies on closing)',
  ),
  KHONG_DU_DIEU_KIEN_HOP_LE: rule(
    'Hội nghị chưa đủ điều kiện hợp lệ để biểu quyết',
    'The meeting is not quorate for a vote',
    'A vote recorded while the meeting is not in session or lacks its quorum',
  ),
  BO_PHIEU_KIN_BAT_BUOC: rule(
    'Nội dung này phải biểu quyết bằng phiếu kín',
    'This needs a secret ballot',
    'A vote by show of hands on an item the regulation puts to a secret ballot',
  ),
  CHUA_CO_BIEN_BAN: rule(
    'Chưa có biên bản để thông qua',
    'No minutes to approve',
    'Approving the minutes of a meeting that has none',
  ),
  THIEU_KY_HIEU_CO_QUAN: rule(
    'Tổ chức chưa có ký hiệu cơ quan ban hành',
    'The organization has no issuer symbol',
    'Numbering a document for an organization without its issuer symbol (e.g. TU)',
  ),
  KHONG_CO_NHIEM_KY: rule(
    'Tổ chức không có khóa, nhiệm kỳ vào ngày này',
    'No term on that day',
    'Numbering a document on a day the organization has no term',
  ),
  MOT_DAU_MOI_CHU_TRI: rule(
    'Mỗi nhiệm vụ chỉ có một đầu mối chủ trì',
    'One lead per task',
    'A task, conclusion action or program item with more than one lead',
  ),
  KHONG_PHAI_NHIEM_VU: rule(
    'Mục này là kết luận, không phải nhiệm vụ giao',
    'This item is a conclusion, not a task',
    'Assigning as a task an item of a conclusion that is not an action',
  ),
  TRANG_THAI_NHIEM_VU: rule(
    'Nhiệm vụ không ở bước cho phép thao tác này',
    'The task is not at a stage that allows this',
    'A step the task’s stage does not allow (reporting on a draft or finished task, editing a finished one, …)',
  ),
  KHONG_CO_HAN: rule(
    'Nhiệm vụ có hạn theo kỳ họp, không theo ngày',
    'The task is due by a meeting, not a date',
    'Extending by date a task whose deadline is a meeting',
  ),
  DA_QUYET_DINH: rule(
    'Đề nghị gia hạn này đã được quyết định',
    'This extension request was decided',
    'Deciding again on an extension request already granted or refused',
  ),
  GIA_HAN_SAI_THAM_QUYEN: rule(
    'Quyết định gia hạn không đúng thẩm quyền',
    'Extension decided without the competence',
    'An extension decided by someone other than the level that assigned the task',
  ),
  NGOAI_THOI_GIAN_CHUONG_TRINH: rule(
    'Nằm ngoài thời gian của chương trình',
    'Outside the program’s period',
    'A program item due in a period outside the working program’s',
  ),
  CHUONG_TRINH_DA_THONG_QUA: rule(
    'Chương trình đã được thông qua hoặc đã hủy',
    'The program is adopted or cancelled',
    'Editing a working program that is no longer a draft',
  ),
  CHUONG_TRINH_SAI_THAM_QUYEN: rule(
    'Sai thẩm quyền thông qua chương trình',
    'Program adopted without the competence',
    'Adopting a working program at a meeting of a body the regulation does not give that power',
  ),
  CHUONG_TRINH_TRONG: rule(
    'Chương trình chưa có nội dung nào',
    'The program is empty',
    'Adopting a working program without items',
  ),
  CHUONG_TRINH_CHUA_THONG_QUA: rule(
    'Chương trình chưa được thông qua',
    'The program is not adopted',
    'Assigning the items of a program still in draft as tasks',
  ),
  DU_THAO_LOI: rule(
    'Dự thảo không đọc được',
    'The draft does not parse',
    'A draft regulation (or its revision) put to consultation or adoption that does not parse',
  ),
  DA_KET_THUC_LAY_Y_KIEN: rule(
    'Đợt lấy ý kiến đã kết thúc',
    'The consultation is over',
    'Commenting on or editing a consultation after the draft was revised',
  ),
  KHONG_CAN_TIEP_THU: rule(
    '"Nhất trí, không có ý kiến" không cần tiếp thu, giải trình',
    'An agreement needs no disposition',
    'Recording a disposition for a reply that only agrees',
  ),
  DA_GOP_Y: rule(
    'Nơi này đã góp ý',
    'Already replied',
    'A step on a recipient of a consultation (reminder, …) that has already commented',
  ),
  CHUA_DEN_HAN: rule(
    'Chưa hết hạn góp ý',
    'The deadline has not passed',
    'Listing or reminding late recipients before the consultation’s deadline',
  ),
  CHUA_XU_LY_HET_Y_KIEN: rule(
    'Chưa trình được dự thảo',
    'The draft cannot be submitted yet',
    'Submitting a draft while something blocks it (comments not disposed of, …; `detail` lists them)',
  ),
  DA_TRINH_THONG_QUA: rule(
    'Dự thảo đã trình thông qua',
    'The draft was submitted',
    'Changing the dispositions of comments on a draft already submitted for adoption',
  ),
  CHUA_CO_BAN_CHINH_LY: rule(
    'Chưa có bản chỉnh lý sau lấy ý kiến',
    'No revision after the consultation',
    'Submitting a draft still under consultation, or already submitted',
  ),
  SAI_THAM_QUYEN_THONG_QUA: rule(
    'Sai thẩm quyền thông qua',
    'Adopted without the competence',
    'Submitting a draft to a body the regulation does not give the power to adopt it',
  ),
  TRAI_QUY_CHE_CAP_TREN: rule(
    'Dự thảo trái quy chế cấp trên',
    'The draft contradicts the superior’s regulation',
    'A draft regulation looser than, or contrary to, the superior organization’s',
  ),
  CHUA_TRINH: rule(
    'Dự thảo chưa được trình hội nghị',
    'The draft was not submitted',
    'Recording the adoption of a draft not submitted to the meeting',
  ),
  CHUA_BIEU_QUYET: rule(
    'Hội nghị chưa biểu quyết nội dung này',
    'The meeting has not voted on it',
    'Recording the adoption of a draft the meeting has not voted on',
  ),
  CHUA_THONG_QUA: rule(
    'Dự thảo không được thông qua',
    'The draft was not adopted',
    'Recording the adoption of a draft the vote did not carry',
  ),
  BUOC_KIEM_TRA: rule(
    'Cuộc kiểm tra, giám sát không ở bước cho phép thao tác này',
    'The inspection is not at a stage that allows this',
    'A step the inspection’s stage does not allow (editing once decided, results before it is under way, …)',
  ),
  DA_KHAC_PHUC: rule(
    'Hạn chế đã được khắc phục',
    'The shortcoming is remedied',
    'Marking remedied a shortcoming already remedied',
  ),
  KIEN_NGHI_LEN_CAP_TREN: rule(
    'Kiến nghị gửi lên cấp trên',
    'A recommendation goes up',
    'A recommendation addressed to an organization that is not a superior of the sender',
  ),
  TRANG_THAI_KIEN_NGHI: rule(
    'Kiến nghị đã được trả lời hoặc đã rút',
    'The recommendation is answered or withdrawn',
    'A step on a recommendation already answered or withdrawn',
  ),
  KHONG_PHAI_CAP_DUOI: rule(
    'Tổ chức không trực thuộc cấp yêu cầu',
    'Not a subordinate organization',
    'A review request to an organization that is not under the requesting one',
  ),
  TRANG_THAI_YEU_CAU: rule(
    'Yêu cầu đã hủy hoặc đã nộp báo cáo',
    'The request is cancelled or answered',
    'Submitting the report asked by a review request already cancelled or answered',
  ),
  BAO_CAO_DA_THONG_QUA: rule(
    'Báo cáo đã được thông qua',
    'The report is adopted',
    'Editing a review report already adopted',
  ),
  BAO_CAO_KHONG_CON_DU_THAO: rule(
    'Báo cáo không còn là dự thảo',
    'The report is no longer a draft',
    'Circulating a review report already circulated or adopted',
  ),
  BAO_CAO_DA_HUY: rule(
    'Báo cáo đã hủy',
    'The report is cancelled',
    'Drawing the next working program from a cancelled review report',
  ),
  HOI_NGHI_CHUA_HOP: rule(
    'Hội nghị chưa khai mạc',
    'The meeting has not opened',
    'Adopting a review report at a meeting that has not been held',
  ),
  HOI_NGHI_TRUOC_KY: rule(
    'Hội nghị họp trước khi kỳ báo cáo kết thúc',
    'The meeting is before the end of the period',
    'Adopting a review report at a meeting held before its period ends',
  ),
  SAI_THAM_QUYEN: rule(
    'Sai thẩm quyền thông qua báo cáo',
    'Report adopted without the competence',
    'Adopting a review report at a meeting of a body the regulation does not give that power',
  ),
  KHONG_CO_NHIEM_VU_TRONG_TAM: rule(
    'Báo cáo chưa nêu nhiệm vụ trọng tâm nào',
    'The report names no key task',
    'Drawing the next program from a report whose part III names no key task and nothing is left unfinished',
  ),
} as const satisfies Record<SpecificCode, SpecificCodeInfo>;

/** The status, kind and titles of any code the API sends. */
export function errorCodeInfo(code: ErrorCode): ProblemInfo & { problem: ProblemCode } {
  if (code in PROBLEMS) return { ...PROBLEMS[code as ProblemCode], problem: code as ProblemCode };
  const s: SpecificCodeInfo = SPECIFIC[code as SpecificCode];
  return { ...s, status: PROBLEMS[s.problem].status };
}
