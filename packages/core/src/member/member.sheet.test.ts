import { describe, expect, it } from 'vitest';
import { maskCitizenId, MEMBER_SHEET_COLUMNS, parseMemberSheet } from './member.sheet.js';

const header = MEMBER_SHEET_COLUMNS.map((c) => c.title);
const cells = { byName: new Map([['chi bo thon 1, xa tan lap', 'cell-1']]) };
const row = (over: Record<string, unknown> = {}) => {
  const base: Record<string, unknown> = {
    fullName: 'Nguyễn Thị Hoa',
    birthDate: '12/03/1985',
    gender: 'Nữ',
    citizenId: '036185001234',
    cardNumber: '79012345',
    admittedOn: '19/05/2010',
    officialOn: '19/05/2011',
    cell: 'Chi bộ thôn 1, xã Tân Lập',
    joinedOn: '',
    ...over,
  };
  return MEMBER_SHEET_COLUMNS.map((c) => base[c.key]);
};

describe('the members’ sheet from the national member database', () => {
  it('reads a member, matching the cell by name without diacritics and defaulting the day they joined the cell', () => {
    const r = parseMemberSheet([header, row({ cell: 'chi bo thon 1, xa tan lap' })], cells, '2026-12-07');
    expect(r.errors).toEqual([]);
    expect(r.members).toEqual([
      {
        row: 2,
        fullName: 'Nguyễn Thị Hoa',
        gender: 'nu',
        birthDate: '1985-03-12',
        citizenId: '036185001234',
        cardNumber: '79012345',
        admittedOn: '2010-05-19',
        officialOn: '2011-05-19',
        cellId: 'cell-1',
        joinedOn: '2010-05-19',
      },
    ]);
  });

  it('names every error by row and column, and reads a date cell of Excel', () => {
    const r = parseMemberSheet(
      [
        header,
        row({ citizenId: '03618500123', admittedOn: new Date('2010-05-19T00:00:00Z') }),
        row({ citizenId: '036185000003', admittedOn: '31/02/2010', cell: 'Chi bộ thôn 9' }),
        row({ citizenId: '036185000004', officialOn: '01/01/2009', gender: 'khác' }),
        row({ fullName: '', citizenId: '036185000005' }),
        row({ citizenId: '036185000004', admittedOn: '01/01/2027', officialOn: '' }),
      ],
      cells,
      '2026-12-07',
    );
    expect(r.errors.map((e) => `${e.row}${e.column} ${e.message}`)).toEqual([
      '2D Số căn cước công dân phải gồm đúng 12 chữ số',
      '3F Ngày vào Đảng "31/02/2010" không đúng dạng ngày/tháng/năm (ví dụ 19/05/2010)',
      '3H Không có chi bộ "Chi bộ thôn 9" trong tổ chức được chọn',
      '4G Ngày chính thức 01/01/2009 trước ngày vào Đảng 19/05/2010',
      '4C Giới tính "khác" phải là Nam hoặc Nữ',
      '5A Thiếu họ và tên',
      '6D Số căn cước công dân trùng với dòng 4',
      '6F Ngày vào Đảng 01/01/2027 sau ngày hôm nay',
    ]);
    expect(r.errors[0]!.columnTitle).toBe('Số CCCD');
  });

  it('refuses a sheet without a required column, and an empty one', () => {
    const noCell = parseMemberSheet([header.filter((h) => h !== 'Chi bộ'), []], cells, '2026-12-07');
    expect(noCell.errors.map((e) => e.message)).toEqual(['Thiếu cột "Chi bộ" ở dòng tiêu đề']);
    expect(parseMemberSheet([header, []], cells, '2026-12-07').errors[0]!.message).toBe(
      'Bảng tính không có dòng đảng viên nào',
    );
  });

  it('shows a citizen ID by its last three digits only', () => {
    expect(maskCitizenId('234')).toBe('•••••••••234');
    expect(maskCitizenId(null)).toBeNull();
  });
});
