import { dueDate, EngineError, parseRegulation, ruleViolation, whoDecides } from '@quyche/core';
import type { Answer, Regulation } from '@quyche/core';
import {
  modelRegulationVersionFor,
  regulationSourceText,
  regulationVersionInForce,
  regulationVersionsInForceUpTo,
} from '@quyche/db';
import type { Sql } from '@quyche/db';

/**
 * The regulation in force for an organization on a date, parsed once per text, and the checks every feature asks of
 * it (competence of a body for a matter, the conclusion notice's deadline), each with its clause.
 */

// A version's text never changes: its parsed form is kept (a meeting page asks for it on every request).
const parsedVersions = new Map<string, Regulation>();
export async function regulationFor(
  sql: Sql,
  orgId: string,
  on: string,
): Promise<{ reg: Regulation; versionId: string; regulationId: string; expression: string } | null> {
  // A cell without a regulation of its own works under its superior's model regulation for cells.
  const v = (await regulationVersionInForce(sql, orgId, on)) ?? (await modelRegulationVersionFor(sql, orgId, on));
  if (!v) return null;
  const reg = await parsedVersion(sql, v);
  if (!reg) return null;
  return { reg, versionId: v.id, regulationId: v.regulation_id, expression: v.expression };
}

/** The regulation in force, or the rule violation (KHONG_CO_QUY_CHE) saying what it was needed for. */
export async function regulationRequired(sql: Sql, orgId: string, on: string, neededFor: string, field = 'body') {
  const r = await regulationFor(sql, orgId, on);
  if (!r) throw ruleViolation('KHONG_CO_QUY_CHE', neededFor, field);
  return r;
}

/** A version's parse, kept by the text's hash: the text (tens of kilobytes) is read only when not kept yet. */
export async function parsedVersion(sql: Sql, v: { id: string; sha256: string }): Promise<Regulation | undefined> {
  let reg = parsedVersions.get(v.sha256);
  if (!reg) {
    const r = parseRegulation((await regulationSourceText(sql, v.id)) ?? '');
    if (!r.ok) return undefined;
    reg = r.regulation;
    if (parsedVersions.size > 200) parsedVersions.clear();
    parsedVersions.set(v.sha256, reg);
  }
  return reg;
}

/**
 * Every version of an organization's regulation in force at some date of a range: `at(d)` is the one a meeting on
 * `d` is held under (the latest in force from on or before `d`), as for a single meeting.
 */
export async function regulationTimeline(sql: Sql, orgId: string, to: string) {
  const versions = await regulationVersionsInForceUpTo(sql, orgId, to);
  const parsed = versions.flatMap((v) => {
    let reg = parsedVersions.get(v.sha256);
    if (!reg) {
      const r = parseRegulation(v.source_text);
      if (!r.ok) return [];
      reg = r.regulation;
      parsedVersions.set(v.sha256, reg);
    }
    return [{ id: v.id, expression: v.expression, from: v.in_force_from, reg }];
  });
  const entry = (d: string) => parsed.filter((v) => v.from <= d).at(-1);
  return {
    at: (d: string) => entry(d)?.reg,
    version: (d: string) => entry(d),
    versions: parsed.map((v) => ({ versionId: v.id, expression: v.expression, inForceFrom: v.from })),
  };
}

export type Check = { ok: boolean; reason_vi: string; ruleIds: string[]; eIds: string[] };
export const check = (a: Answer<{ ok?: boolean; valid?: boolean }>): Check => ({
  ok: Boolean(a.result.ok ?? a.result.valid),
  reason_vi: a.reason_vi,
  ruleIds: a.ruleIds,
  eIds: a.eIds,
});
/** The engine's answer, or null where the regulation has no rule for it (an EngineError): left out, not failed. */
export function unlessNoRule<T>(answer: () => T): T | null {
  try {
    return answer();
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
}

/** A check the regulation cannot answer (no rule for this body) is left out rather than failed. */
export const tryCheck = (f: () => Answer<{ ok?: boolean; valid?: boolean }>): Check | null =>
  unlessNoRule(() => check(f()));

const RANK: Record<string, number> = { TT: 1, BTV: 2, BCH: 3 };

/**
 * Competence of the body for an agenda item (R9): a matter decided elsewhere gets a warning naming the competent
 * body and the clause; one within a lower level's own competence is "pushed up" and warned as such.
 */
export function competence(
  reg: Regulation,
  bodyKind: string,
  bodyName: string,
  matter: string,
  attrs: Record<string, unknown>,
  on: string,
): Check {
  let a: ReturnType<typeof whoDecides>;
  try {
    a = whoDecides(reg, matter, attrs, on);
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, reason_vi: e.reason_vi, ruleIds: e.ruleIds, eIds: [] };
    throw e;
  }
  const decider = a.result.body;
  const name = reg.frontMatter.bodies?.[decider]?.name ?? reg.frontMatter.roles?.[decider] ?? decider;
  if (decider === bodyKind)
    return { ok: true, reason_vi: `Đúng thẩm quyền: ${a.reason_vi}`, ruleIds: a.ruleIds, eIds: a.eIds };
  const lower = (RANK[decider] ?? 0) < (RANK[bodyKind] ?? 0);
  return {
    ok: false,
    reason_vi: lower
      ? `Việc thuộc thẩm quyền của ${name}: không đưa lên ${bodyName} việc cấp dưới tự quyết (${a.reason_vi})`
      : `${bodyName} không có thẩm quyền quyết định việc này; cơ quan có thẩm quyền là ${name} (${a.reason_vi})`,
    ruleIds: a.ruleIds,
    eIds: a.eIds,
  };
}

/** R8: the conclusion notice is due N working days after the meeting. */
export function conclusionDeadline(
  reg: Regulation,
  meetingDate: string,
  issuedOn: string | null,
  today: string,
): Check | null {
  const a = unlessNoRule(() => dueDate(reg, 'BAN_HANH_THONG_BAO_KET_LUAN', meetingDate));
  if (!a) return null;
  const due = a.result.due;
  const when = issuedOn ?? today;
  const ok = when <= due;
  const state = issuedOn
    ? ok
      ? 'Ban hành đúng hạn'
      : 'Ban hành chậm'
    : ok
      ? 'Chưa ban hành, còn trong hạn'
      : 'Quá hạn, chưa ban hành';
  return { ok, reason_vi: `${state}: ${a.reason_vi}`, ruleIds: a.ruleIds, eIds: a.eIds };
}
