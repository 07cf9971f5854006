import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  canMoveMeeting,
  canReschedule,
  checkConferenceQuota,
  documentSymbol,
  isConference,
  parseDocumentSymbol,
} from './meeting.rules.js';
import { conferenceQuota } from '../regulation/engine.js';
import { parseRegulation } from '../regulation/reg.parse.js';

const parsed = parseRegulation(
  readFileSync(new URL('../../../../regulations/an-lac/01-QC-TU.qc.md', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error(parsed.error.message);
const anLac = parsed.regulation;

describe('meeting rules', () => {
  it('follows the life cycle', () => {
    expect(canMoveMeeting('planned', 'in_session').ok).toBe(false);
    expect(canMoveMeeting('convened', 'documents_sent').ok).toBe(true);
    expect(canMoveMeeting('closed', 'minutes_approved').ok).toBe(true);
  });
  it('reschedules only a meeting not yet opened', () => {
    expect(['planned', 'convened', 'documents_sent'].map((s) => canReschedule(s as never).ok)).toEqual([
      true,
      true,
      true,
    ]);
    for (const s of ['in_session', 'closed', 'minutes_approved', 'cancelled'] as const)
      expect(canReschedule(s).ok, s).toBe(false);
    expect(canReschedule('in_session').reason_vi).toContain('hội nghị đang họp');
  });
  it('writes and reads document symbols', () => {
    expect(documentSymbol(12, 'TB', 'TU')).toBe('12-TB/TU');
    expect(documentSymbol(5, 'CT', 'TU')).toBe('05-CT/TU');
    expect(parseDocumentSymbol('86-KH/TU')).toEqual({ number: 86, type: 'KH', issuer: 'TU' });
    expect(parseDocumentSymbol('86-XX/TU')).toBeNull();
  });
  it('checks R10 quotas from the regulation exactly at the boundary, citing the clause', () => {
    const quota = conferenceQuota(anLac, '2026-06-01');
    expect(quota.result).toEqual({
      maxInPersonShare: { num: 2, den: 5 },
      maxProvinceWide: 2,
      minReduction: { num: 1, den: 10 },
    });
    expect(checkConferenceQuota({ total: 90, inPerson: 36, provinceWide: 2, lastYearTotal: 100 }, quota).ok).toBe(true);
    const r = checkConferenceQuota({ total: 91, inPerson: 37, provinceWide: 3, lastYearTotal: 100 }, quota);
    expect(r.items.map((i) => i.ok)).toEqual([false, false, false]);
    expect(r.items[2]!.message_vi).toContain('giảm 9,0%');
    expect(r.items[0]!.message_vi).toContain('khoản 4 Điều 11');
    // Without last year's figure the reduction is unknown, not failed.
    const u = checkConferenceQuota({ total: 10, inPerson: 4, provinceWide: 1, lastYearTotal: null }, quota);
    expect(u.ok).toBe(true);
    expect(u.items[2]!.ok).toBeNull();
  });
  it('counts BCH conferences and the conference kinds, not sessions of the BTV or written consultations', () => {
    expect(isConference({ bodyKind: 'BCH', kind: 'regular' })).toBe(true);
    expect(isConference({ bodyKind: 'BTV', kind: 'regular' })).toBe(false);
    expect(isConference({ bodyKind: 'TT', kind: 'briefing' })).toBe(true);
    expect(isConference({ bodyKind: 'BCH', kind: 'written_consultation' })).toBe(false);
  });
});
