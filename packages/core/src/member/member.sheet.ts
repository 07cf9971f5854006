import { foldVietnamese } from '../text/text.fold.js';
import { formatDateVi, parseDateVi } from '../time/date.js';
import { unneutralizeFormula } from '../files/spreadsheet.cell.js';

/**
 * The sheet of party members an office exports from the national member database (Cơ sở dữ liệu đảng viên), one
 * row a member. Read whole: every error with its row and column, and nothing is written unless all of it is right.
 * The citizen ID is read to match and to keep its last three digits; it is never stored whole.
 */
export const MEMBER_SHEET_COLUMNS = [
  { key: 'fullName', title: 'Họ và tên', required: true },
  { key: 'birthDate', title: 'Ngày sinh', required: false },
  { key: 'gender', title: 'Giới tính', required: false },
  { key: 'citizenId', title: 'Số CCCD', required: true },
  { key: 'cardNumber', title: 'Số thẻ đảng viên', required: false },
  { key: 'admittedOn', title: 'Ngày vào Đảng', required: true },
  { key: 'officialOn', title: 'Ngày chính thức', required: false },
  { key: 'cell', title: 'Chi bộ', required: true },
  { key: 'joinedOn', title: 'Ngày sinh hoạt tại chi bộ', required: false },
] as const;
export type MemberSheetKey = (typeof MEMBER_SHEET_COLUMNS)[number]['key'];

export interface MemberSheetError {
  row: number;
  column: string;
  columnTitle: string;
  message: string;
}

export interface ParsedMember {
  row: number;
  fullName: string;
  gender: 'nam' | 'nu' | null;
  birthDate: string | null;
  citizenId: string;
  cardNumber: string | null;
  admittedOn: string;
  officialOn: string | null;
  cellId: string;
  /** The day the member began attending the cell (the admission unless given). */
  joinedOn: string;
}

/** The cells a sheet may name (by name or code), folded without diacritics. */
export interface CellDirectory {
  byName: Map<string, string>;
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
const letter = (i: number) => String.fromCharCode(65 + i);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDateVi(v.toISOString().slice(0, 10));
  return unneutralizeFormula(String(v)).trim();
}

/** A citizen ID (căn cước công dân): twelve digits. */
export const CITIZEN_ID = /^\d{12}$/;

/** The citizen ID as every page, export and answer shows it: its last three digits only. */
export function maskCitizenId(tail: string | null | undefined): string | null {
  return tail ? `•••••••••${tail}` : null;
}

export function parseMemberSheet(
  rows: unknown[][],
  cells: CellDirectory,
  today: string,
): { members: ParsedMember[]; errors: MemberSheetError[] } {
  const errors: MemberSheetError[] = [];
  const header = (rows[0] ?? []).map((h) => fold(cellText(h)));
  const col = new Map<MemberSheetKey, number>();
  for (const c of MEMBER_SHEET_COLUMNS) {
    const i = header.indexOf(fold(c.title));
    if (i >= 0) col.set(c.key, i);
    else if (c.required)
      errors.push({ row: 1, column: '', columnTitle: c.title, message: `Thiếu cột "${c.title}" ở dòng tiêu đề` });
  }
  if (errors.length) return { members: [], errors };
  const members: ParsedMember[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((r, k) => {
    const row = k + 2;
    const get = (key: MemberSheetKey) => cellText(r[col.get(key) ?? -1]);
    if (MEMBER_SHEET_COLUMNS.every((c) => get(c.key) === '')) return; // a blank line
    const fail = (key: MemberSheetKey, message: string) => {
      const c = MEMBER_SHEET_COLUMNS.find((x) => x.key === key)!;
      errors.push({ row, column: letter(col.get(key) ?? 0), columnTitle: c.title, message });
    };
    const date = (key: MemberSheetKey, label: string): string | null => {
      const t = get(key);
      if (!t) return null;
      const d = parseDateVi(t);
      if (!d) fail(key, `${label} "${t}" không đúng dạng ngày/tháng/năm (ví dụ 19/05/2010)`);
      else if (d > today) fail(key, `${label} ${formatDateVi(d)} sau ngày hôm nay`);
      return d;
    };
    const fullName = get('fullName');
    if (!fullName) fail('fullName', 'Thiếu họ và tên');
    const citizenId = get('citizenId').replace(/[\s.]/g, '');
    if (!citizenId) fail('citizenId', 'Thiếu số căn cước công dân');
    else if (!CITIZEN_ID.test(citizenId)) fail('citizenId', 'Số căn cước công dân phải gồm đúng 12 chữ số');
    else if (seen.has(citizenId)) fail('citizenId', `Số căn cước công dân trùng với dòng ${seen.get(citizenId)}`);
    else seen.set(citizenId, row);
    const birthDate = date('birthDate', 'Ngày sinh');
    const admittedOn = date('admittedOn', 'Ngày vào Đảng');
    if (!get('admittedOn')) fail('admittedOn', 'Thiếu ngày vào Đảng');
    const officialOn = date('officialOn', 'Ngày chính thức');
    if (admittedOn && officialOn && officialOn < admittedOn)
      fail('officialOn', `Ngày chính thức ${formatDateVi(officialOn)} trước ngày vào Đảng ${formatDateVi(admittedOn)}`);
    if (birthDate && admittedOn && admittedOn <= birthDate)
      fail('admittedOn', `Ngày vào Đảng ${formatDateVi(admittedOn)} không sau ngày sinh ${formatDateVi(birthDate)}`);
    const joinedOn = date('joinedOn', 'Ngày sinh hoạt tại chi bộ');
    if (admittedOn && joinedOn && joinedOn < admittedOn)
      fail('joinedOn', `Ngày sinh hoạt tại chi bộ ${formatDateVi(joinedOn)} trước ngày vào Đảng`);
    const cellName = get('cell');
    const cellId = cellName ? cells.byName.get(fold(cellName)) : undefined;
    if (!cellName) fail('cell', 'Thiếu chi bộ');
    else if (!cellId) fail('cell', `Không có chi bộ "${cellName}" trong tổ chức được chọn`);
    const g = fold(get('gender'));
    const gender = g === 'nam' ? 'nam' : g === 'nu' ? 'nu' : null;
    if (g && !gender) fail('gender', `Giới tính "${get('gender')}" phải là Nam hoặc Nữ`);
    const card = get('cardNumber');
    if (card && !/^\d{6,12}$/.test(card)) fail('cardNumber', 'Số thẻ đảng viên chỉ gồm chữ số (6 đến 12 chữ số)');
    if (fullName && CITIZEN_ID.test(citizenId) && admittedOn && cellId)
      members.push({
        row,
        fullName,
        gender,
        birthDate,
        citizenId,
        cardNumber: card || null,
        admittedOn,
        officialOn,
        cellId,
        joinedOn: joinedOn ?? admittedOn,
      });
  });
  if (members.length === 0 && errors.length === 0)
    errors.push({ row: 2, column: '', columnTitle: '', message: 'Bảng tính không có dòng đảng viên nào' });
  return { members, errors };
}
