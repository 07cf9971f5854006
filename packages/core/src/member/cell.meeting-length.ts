import { EngineError, meetingRegime } from '../regulation/engine.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { Regulation } from '../regulation/reg.model.js';

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * Whether a cell meeting lasted the minimum its regulation sets for its kind (Hướng dẫn 42-HD/BTCTW: 90 minutes for
 * a regular meeting, 120 with a thematic part), with the clause. Null when the regulation sets no minimum.
 */
export function meetingLengthCheck(
  reg: Regulation,
  body: string,
  kind: 'regular' | 'thematic',
  on: string,
  startsAt: string,
  endsAt: string,
): { ok: boolean; minutes: number; min: number; reason_vi: string; ruleIds: string[]; eIds: string[] } | null {
  let rule: ReturnType<typeof meetingRegime>['result']['rule'];
  try {
    rule = meetingRegime(reg, body, on, kind).result.rule;
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
  const min = rule.min_minutes;
  if (!min) return null;
  const minutes = minutesOf(endsAt) - minutesOf(startsAt);
  const what = kind === 'thematic' ? 'Buổi sinh hoạt chuyên đề' : 'Buổi sinh hoạt thường kỳ';
  const ok = minutes >= min;
  return {
    ok,
    minutes,
    min,
    reason_vi:
      `${what} ${ok ? 'đủ' : 'chưa đủ'} thời lượng: ${minutes} phút, ` +
      `quy chế quy định ít nhất ${min} phút (${citeVi(rule.basis)})`,
    ruleIds: [rule.id],
    eIds: [rule.basis],
  };
}
