/**
 * A Zod issue as a Vietnamese sentence naming the field by its label ("Tiêu đề tối đa 500 ký tự"), for the forms:
 * zod's own wording ("Quá lớn: mong đợi string có <=500 ký tự") names types and keys, not what the user typed in.
 */

/**
 * Parse with these so that an issue keeps its input (to tell a missing field) and a message only when the
 * schema wrote one.
 */
export const ISSUE_PARSE = { reportInput: true, error: () => '' } as const;

/** What the messages read of an issue (zod's issue types, loosely: they differ by code). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  received?: string;
  origin?: string;
  format?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  divisor?: number | bigint;
  keys?: readonly string[];
  discriminator?: string;
  params?: Record<string, unknown>;
}

const num = (n: number | bigint | undefined) => Number(n ?? 0).toLocaleString('vi-VN');
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** The first letter lowered unless it starts an abbreviation (UBKT, BTV). */
const uncap = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) || /^\p{Lu}\s/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;

/**
 * A label without what it adds in brackets ("Tiến độ (%)", "Mốc (mục 2)"): what a sentence naming the field contains.
 */
export const labelCore = (label: string) => label.replace(/(\s*\([^()]*\))+$/, '');

/** The schema's own words, prefixed by the label unless they already name the field. */
function named(own: string, label: string): string {
  return own.toLocaleLowerCase('vi').includes(labelCore(label).toLocaleLowerCase('vi'))
    ? cap(own)
    : `${label}: ${uncap(own)}`;
}

const CHOOSE = 'không hợp lệ: hãy chọn một giá trị trong danh sách';

function wrongType(i: IssueLike, L: string): string {
  switch (i.expected) {
    case 'string':
      return `${L} không đúng kiểu: cần chuỗi ký tự`;
    case 'number':
    case 'bigint':
      return `${L} không đúng kiểu: cần một số`;
    case 'int':
      return `${L} phải là số nguyên`;
    case 'boolean':
      return `${L} không đúng kiểu: cần có hoặc không`;
    case 'array':
    case 'tuple':
    case 'set':
      return `${L} không đúng kiểu: cần một danh sách`;
    case 'object':
    case 'record':
    case 'map':
      return `${L} không đúng cấu trúc`;
    default:
      return `${L} không đúng kiểu dữ liệu`;
  }
}

function tooBig(i: IssueLike, L: string): string {
  const n = num(i.maximum);
  switch (i.origin) {
    case 'string':
      return `${L} tối đa ${n} ký tự`;
    case 'number':
    case 'int':
    case 'bigint':
      return i.inclusive === false ? `${L} phải nhỏ hơn ${n}` : `${L} tối đa ${n}`;
    case 'array':
    case 'set':
      return `${L} tối đa ${n} mục`;
    default:
      return `${L} quá lớn`;
  }
}

function tooSmall(i: IssueLike, L: string): string {
  const n = num(i.minimum);
  const min = Number(i.minimum ?? 0);
  switch (i.origin) {
    case 'string':
      return min <= 1 ? `${L} không được để trống` : `${L} tối thiểu ${n} ký tự`;
    case 'number':
    case 'int':
    case 'bigint':
      if (i.inclusive === false) return `${L} phải lớn hơn ${n}`;
      return min === 0 ? `${L} không được âm` : `${L} tối thiểu ${n}`;
    case 'array':
    case 'set':
      return min <= 1 ? `${L} cần ít nhất một mục` : `${L} cần ít nhất ${n} mục`;
    default:
      return `${L} quá nhỏ`;
  }
}

function badFormat(i: IssueLike, L: string, own: string): string {
  switch (i.format) {
    case 'uuid':
    case 'guid':
      return `${L} không hợp lệ: hãy chọn lại`;
    case 'date':
      // A date field left blank sends '': it is missing, not malformed.
      return i.input === '' ? `Thiếu ${L}` : `${L}: ngày không hợp lệ (dd/mm/yyyy)`;
    case 'time':
      return i.input === '' ? `Thiếu ${L}` : `${L}: giờ không hợp lệ (hh:mm)`;
    case 'datetime':
      return `${L}: thời điểm không hợp lệ`;
    case 'email':
      return `${L} không phải địa chỉ thư điện tử hợp lệ`;
    case 'url':
      return `${L} không phải địa chỉ trang web hợp lệ`;
    default:
      return own ? named(own, L) : `${L} không đúng định dạng`;
  }
}

/**
 * The sentence for one issue, `label` being the field's (fieldLabelVi). The issue comes from a parse with ISSUE_PARSE:
 * `message` is then the schema's own words or empty.
 */
export function issueMessage(i: IssueLike, label: string): string {
  const own = i.message;
  if (i.code === 'unrecognized_keys') {
    const keys = (i.keys ?? []).join(', ');
    return i.path.length ? `${label} có trường không được phép: ${keys}` : `Trường không được phép: ${keys}`;
  }
  // Absent (or sent as undefined): whatever the field's type, it is missing — not "of a wrong type".
  if (i.code !== 'custom' && 'input' in i && i.input === undefined) return `Thiếu ${label}`;
  switch (i.code) {
    case 'invalid_type':
      return wrongType(i, label);
    case 'too_big':
      return own ? named(own, label) : tooBig(i, label);
    case 'too_small':
      return own ? named(own, label) : tooSmall(i, label);
    case 'invalid_format':
      return badFormat(i, label, own);
    case 'invalid_value':
      return own ? named(own, label) : `${label} ${CHOOSE}`;
    case 'invalid_union':
      return i.discriminator ? `${label} ${CHOOSE}` : `${label} không hợp lệ`;
    case 'invalid_key':
      return `${label} có khóa không hợp lệ`;
    case 'invalid_element':
      return `${label} có phần tử không hợp lệ`;
    case 'not_multiple_of':
      return `${label} phải là bội số của ${num(i.divisor)}`;
    case 'custom':
      if (i.params?.['format'] === 'date' || i.params?.['format'] === 'time')
        return badFormat({ ...i, format: String(i.params['format']) }, label, own);
      return own ? named(own, label) : `${label} không hợp lệ`;
    default:
      return own ? named(own, label) : `${label} không hợp lệ`;
  }
}
