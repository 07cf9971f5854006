import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrThrow } from '../regulation/reg.parse.js';
import { meetingLengthCheck } from './cell.meeting-length.js';

const cellReg = parseOrThrow(
  readFileSync(new URL('../../../../regulations/mau/chi-bo-mau.qc.md', import.meta.url), 'utf8'),
);

describe('the length of a cell meeting against its regulation', () => {
  it('a regular meeting of 75 minutes is short of the 90 the model cell regulation sets, citing the clause', () => {
    const c = meetingLengthCheck(cellReg, 'CHI_BO', 'regular', '2026-12-04', '16:00', '17:15')!;
    expect(c).toMatchObject({ ok: false, minutes: 75, min: 90 });
    expect(c.reason_vi).toContain('chưa đủ thời lượng: 75 phút, quy chế quy định ít nhất 90 phút');
    expect(c.eIds[0]).toMatch(/art_1__para_1$/);
    expect(meetingLengthCheck(cellReg, 'CHI_BO', 'regular', '2026-12-04', '16:00', '17:30')!.ok).toBe(true);
  });

  it('a thematic meeting needs 120 minutes; a body without a minimum is not checked', () => {
    expect(meetingLengthCheck(cellReg, 'CHI_BO', 'thematic', '2026-12-04', '14:00', '15:45')).toMatchObject({
      ok: false,
      min: 120,
    });
    expect(meetingLengthCheck(cellReg, 'CHI_UY', 'regular', '2026-12-04', '14:00', '14:30')).toBeNull();
  });
});
