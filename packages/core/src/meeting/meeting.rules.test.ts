import { describe, expect, it } from 'vitest';
import { canMoveMeeting, checkConferenceQuota, documentSymbol, parseDocumentSymbol } from './meeting.rules.js';

describe('meeting rules', () => {
  it('follows the life cycle', () => {
    expect(canMoveMeeting('planned', 'in_session').ok).toBe(false);
    expect(canMoveMeeting('convened', 'documents_sent').ok).toBe(true);
    expect(canMoveMeeting('closed', 'minutes_approved').ok).toBe(true);
  });
  it('writes and reads document symbols', () => {
    expect(documentSymbol(12, 'TB', 'TU')).toBe('12-TB/TU');
    expect(documentSymbol(5, 'CT', 'TU')).toBe('05-CT/TU');
    expect(parseDocumentSymbol('86-KH/TU')).toEqual({ number: 86, type: 'KH', issuer: 'TU' });
    expect(parseDocumentSymbol('86-XX/TU')).toBeNull();
  });
  it('checks R10 quotas exactly at the boundary', () => {
    expect(checkConferenceQuota({ total: 90, inPerson: 36, provinceWide: 2, lastYearTotal: 100 }).ok).toBe(true);
    const r = checkConferenceQuota({ total: 91, inPerson: 37, provinceWide: 3, lastYearTotal: 100 });
    expect(r.items.map((i) => i.ok)).toEqual([false, false, false]);
    expect(r.items[2]!.message_vi).toContain('giảm 9,0%');
  });
});
