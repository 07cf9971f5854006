import { describe, expect, it } from 'vitest';
import { withDeviationIds } from './review.indicators.js';
import type { Deviation } from './calendar.service.js';

const d = (code: string, meetingId: string | null, date = '2026-03-01'): Deviation => ({
  code,
  bodyKind: 'BTV',
  bodyName: 'Ban Thường vụ',
  date,
  meetingId,
  meetingTitle: null,
  period: null,
  message_vi: '',
  ruleIds: [],
  eIds: [],
});

describe('departures as evidence', () => {
  it('gives each departure its own id, numbering two of a kind in one meeting', () => {
    const ids = withDeviationIds([
      d('SAI_THAM_QUYEN', 'm1'),
      d('SAI_THAM_QUYEN', 'm1'),
      d('TAI_LIEU_GUI_CHAM', 'm1'),
      d('THIEU_KY_HOP_THUONG_LE', null, '2026-02-01'),
    ]).map((x) => x.id);
    expect(ids).toEqual([
      'SAI_THAM_QUYEN:m1',
      'SAI_THAM_QUYEN:m1:2',
      'TAI_LIEU_GUI_CHAM:m1',
      'THIEU_KY_HOP_THUONG_LE:BTV:2026-02-01',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
