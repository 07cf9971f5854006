import { describe, expect, it } from 'vitest';
import { VIETNAM_CALENDAR } from '../time/holiday.calendar.js';
import { addMonthsIso, memberAlerts } from './member.alerts.js';
import type { MemberForAlerts, MemberMonth } from './member.alerts.js';

const full: MemberForAlerts = { id: 'm1', status: 'official', admittedOn: '2010-05-19', exemptions: [] };
const months = (spec: Record<string, Partial<MemberMonth>>): MemberMonth[] =>
  Array.from({ length: 12 }, (_, i) => {
    const month = `2026-${String(i + 1).padStart(2, '0')}`;
    return { month, meeting: 'present', dues: 'paid', ...spec[month] } as MemberMonth;
  });

describe('alerts from a member’s record (Điều lệ Điều 8 khoản 1, Điều 5)', () => {
  it('flags three months absent without a valid reason in the year, listing them and citing Điều 8', () => {
    const record = months({
      '2026-02': { meeting: 'absent' },
      '2026-05': { meeting: 'absent' },
      '2026-09': { meeting: 'absent' },
    });
    const [a] = memberAlerts(full, record, '2026-10-15', VIETNAM_CALENDAR);
    expect(a).toMatchObject({ memberId: 'm1', kind: 'absent_3_months', months: ['2026-02', '2026-05', '2026-09'] });
    expect(a!.basis_vi).toContain('Điều 8 khoản 1 Điều lệ Đảng');
    expect(a!.basis_vi).toContain('các tháng 02/2026, 05/2026, 09/2026');
  });

  it('does not count an absence with a valid reason, two months only, a month not over, or the year before', () => {
    const excused = months({
      '2026-02': { meeting: 'absent' },
      '2026-05': { meeting: 'absent_excused' },
      '2026-09': { meeting: 'absent' },
    });
    expect(memberAlerts(full, excused, '2026-12-31', VIETNAM_CALENDAR)).toEqual([]);
    const running = months({
      '2026-02': { meeting: 'absent' },
      '2026-05': { meeting: 'absent' },
      '2026-10': { meeting: 'absent' },
    });
    expect(memberAlerts(full, running, '2026-10-20', VIETNAM_CALENDAR)).toEqual([]);
    expect(memberAlerts(full, running, '2026-11-01', VIETNAM_CALENDAR).map((a) => a.kind)).toEqual(['absent_3_months']);
    expect(memberAlerts(full, running, '2027-02-01', VIETNAM_CALENDAR)).toEqual([]);
  });

  it('leaves out the months of an exemption from activities', () => {
    const record = months({
      '2026-03': { meeting: 'absent', dues: 'unpaid' },
      '2026-04': { meeting: 'absent', dues: 'unpaid' },
      '2026-05': { meeting: 'absent', dues: 'unpaid' },
    });
    const exempted = { ...full, exemptions: [{ from: '2026-04-10', until: null }] };
    expect(memberAlerts(exempted, record, '2026-12-01', VIETNAM_CALENDAR)).toEqual([]);
    expect(memberAlerts(full, record, '2026-12-01', VIETNAM_CALENDAR).map((a) => a.kind)).toEqual([
      'absent_3_months',
      'dues_3_months',
    ]);
  });

  it('flags dues unpaid three months, not those exempted or deferred', () => {
    const record = months({
      '2026-01': { dues: 'unpaid' },
      '2026-02': { dues: 'deferred' },
      '2026-03': { dues: 'exempt' },
      '2026-06': { dues: 'unpaid' },
      '2026-07': { dues: 'unpaid' },
    });
    const alerts = memberAlerts(full, record, '2026-08-01', VIETNAM_CALENDAR);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'dues_3_months', months: ['2026-01', '2026-06', '2026-07'] });
    expect(alerts[0]!.basis_vi).toContain('Chưa đóng đảng phí các tháng 01/2026, 06/2026, 07/2026');
  });

  it('prompts a probation ending 30 days ahead, with the 30 working days the cell has after it ends', () => {
    const probationary: MemberForAlerts = { ...full, status: 'probationary', admittedOn: '2025-12-20' };
    expect(memberAlerts(probationary, [], '2026-11-19', VIETNAM_CALENDAR)).toEqual([]);
    const [p] = memberAlerts(probationary, [], '2026-11-20', VIETNAM_CALENDAR);
    // 20/12/2026 + 30 working days, over the New Year holiday of 01/01/2027.
    expect(p).toMatchObject({ kind: 'probation_ending', months: ['2026-12'], actBy: '2027-02-01' });
    expect(p!.basis_vi).toContain('hết ngày 20/12/2026');
    expect(p!.basis_vi).not.toContain('Đã quá thời hạn');
    expect(memberAlerts(probationary, [], '2027-02-02', VIETNAM_CALENDAR)[0]!.basis_vi).toContain(
      'Đã quá thời hạn xét',
    );
    expect(memberAlerts({ ...probationary, status: 'official' }, [], '2026-12-01', VIETNAM_CALENDAR)).toEqual([]);
  });

  it('counts twelve months the calendar’s way', () => {
    expect(addMonthsIso('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsIso('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsIso('2025-01-31', 12)).toBe('2026-01-31');
  });
});
