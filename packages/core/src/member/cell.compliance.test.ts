import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrThrow } from '../regulation/reg.parse.js';
import type { CalendarMeeting } from '../meeting/meeting.calendar.js';
import { cellMeetingCompliance, monthAndQuarter } from './cell.compliance.js';

const cellReg = parseOrThrow(
  readFileSync(new URL('../../../../regulations/mau/chi-bo-mau.qc.md', import.meta.url), 'utf8'),
);
const m = (date: string, kind: string, state = 'minutes_approved'): CalendarMeeting => ({
  id: `${kind}-${date}`,
  date,
  kind,
  state,
});
// July to September: monthly meetings, August skipped, the quarter's thematic one on 10/9.
const year = [m('2026-07-03', 'regular'), m('2026-09-04', 'regular'), m('2026-09-10', 'thematic')];

describe("a cell's monthly and quarterly meetings under the model cell regulation", () => {
  it('lists a month without its regular meeting as short, citing the clause of the monthly regime', () => {
    const aug = cellMeetingCompliance(cellReg, year, 2026, 8, '2026-12-07');
    expect(aug.regularHeld).toBe(false);
    expect(aug.regular.status).toBe('short');
    expect(aug.regular.reason_vi).toContain('Tháng 8/2026');
    expect(aug.regular.reason_vi).toContain('Điều 1');
    expect(aug.eIds[0]).toMatch(/art_1__para_1$/);
    // The thematic meeting of the quarter (10/9) holds for August too.
    expect(aug.thematicInQuarter).toBe(true);
    expect(aug.eIds[1]).toMatch(/art_1__para_2$/);
  });

  it('a month with its meeting is held; a quarter without a thematic meeting is short once over', () => {
    const july = cellMeetingCompliance(cellReg, year, 2026, 7, '2026-12-07');
    expect(july).toMatchObject({ regularHeld: true, thematicInQuarter: true });
    const q2 = cellMeetingCompliance(cellReg, [m('2026-05-05', 'regular')], 2026, 5, '2026-12-07');
    expect(q2.regularHeld).toBe(true);
    expect(q2.thematicInQuarter).toBe(false);
    expect(q2.thematic.status).toBe('short');
    expect(q2.thematic.reason_vi).toContain('Quý II/2026');
    expect(q2.thematic.reason_vi).toContain('sinh hoạt chuyên đề');
  });

  it('a thematic meeting does not stand for the regular one, nor a planned or cancelled meeting for either', () => {
    const only = [m('2026-10-08', 'thematic'), m('2026-11-05', 'regular', 'planned')];
    const oct = cellMeetingCompliance(cellReg, only, 2026, 10, '2026-12-07');
    expect(oct.regularHeld).toBe(false);
    expect(oct.thematicInQuarter).toBe(true);
    const nov = cellMeetingCompliance(cellReg, only, 2026, 11, '2026-12-07');
    expect(nov.regularHeld).toBe(false);
  });

  it('the running month is not yet short: pending when scheduled, at risk when not', () => {
    const dec = cellMeetingCompliance(cellReg, [m('2026-12-10', 'regular', 'convened')], 2026, 12, '2026-12-07');
    expect(dec.regular.status).toBe('pending');
    expect(dec.regularHeld).toBe(false);
    expect(cellMeetingCompliance(cellReg, [], 2026, 12, '2026-12-07').regular.status).toBe('at_risk');
  });

  it('a cell without a regulation is reported, not judged, and says so', () => {
    const none = cellMeetingCompliance(undefined, year, 2026, 7, '2026-12-07');
    expect(none.regular.status).toBe('no_rule');
    expect(none.regularHeld).toBe(true);
    expect(none.regular.reason_vi).toBe(
      'Tháng 7/2026: chi bộ chưa có quy chế làm việc quy định chế độ sinh hoạt thường lệ có hiệu lực',
    );
    expect(none.eIds).toEqual([]);
  });

  it('names the quarter holding a month', () => {
    expect(monthAndQuarter(2026, 11)).toEqual({
      month: { from: '2026-11-01', to: '2026-11-30' },
      quarter: { from: '2026-10-01', to: '2026-12-31' },
      quarterLabel: 'Quý IV/2026',
    });
  });
});
