/**
 * The tiny condition language of delegations and authorities: comparisons on declared matter attributes,
 * `all` / `any` / `not`. `{ tong_muc_dau_tu_ty_dong: "< 500" }` holds when the attribute is below 500.
 */
export type ConditionResult =
  | { ok: true; holds: boolean }
  | { ok: false; missing: string }
  | { ok: false; invalid: string };

const CMP = /^\s*(<=|>=|<|>|==|!=|=)\s*(.+?)\s*$/;

export function evalCondition(cond: unknown, attrs: Record<string, unknown>): ConditionResult {
  if (cond === undefined || cond === null) return { ok: true, holds: true };
  if (typeof cond !== 'object' || Array.isArray(cond)) return { ok: false, invalid: JSON.stringify(cond) };
  let holds = true;
  for (const [key, spec] of Object.entries(cond as Record<string, unknown>)) {
    let r: ConditionResult;
    if (key === 'all' || key === 'any') {
      if (!Array.isArray(spec)) return { ok: false, invalid: key };
      const parts = spec.map((c) => evalCondition(c, attrs));
      const bad = parts.find((p) => !p.ok);
      if (bad) return bad;
      const vals = parts.map((p) => (p as { holds: boolean }).holds);
      r = { ok: true, holds: key === 'all' ? vals.every(Boolean) : vals.some(Boolean) };
    } else if (key === 'not') {
      const inner = evalCondition(spec, attrs);
      if (!inner.ok) return inner;
      r = { ok: true, holds: !inner.holds };
    } else {
      if (!(key in attrs) || attrs[key] === undefined || attrs[key] === null) return { ok: false, missing: key };
      r = compare(attrs[key], spec);
      if (!r.ok) return r;
    }
    holds = holds && r.holds;
  }
  return { ok: true, holds };
}

const parsedSpecs = new Map<string, RegExpExecArray | null>();
function compare(value: unknown, spec: unknown): ConditionResult {
  if (typeof spec !== 'string') return { ok: true, holds: value === spec };
  let m = parsedSpecs.get(spec);
  if (m === undefined) {
    m = CMP.exec(spec);
    if (parsedSpecs.size < 10_000) parsedSpecs.set(spec, m);
  }
  if (!m) return { ok: true, holds: String(value) === spec };
  const [, op, rhsRaw] = m as unknown as [string, string, string];
  const rhsNum = Number(rhsRaw);
  const lhsNum = typeof value === 'number' ? value : Number(value);
  const numeric = Number.isFinite(rhsNum) && Number.isFinite(lhsNum);
  if (!numeric && op !== '==' && op !== '=' && op !== '!=') return { ok: false, invalid: spec };
  const l = numeric ? lhsNum : String(value);
  const r = numeric ? rhsNum : rhsRaw;
  const holds =
    op === '<'
      ? l < r
      : op === '<='
        ? l <= r
        : op === '>'
          ? l > r
          : op === '>='
            ? l >= r
            : op === '!='
              ? l !== r
              : l === r;
  return { ok: true, holds };
}

/** Numbers a condition compares against: the boundaries enumeration and lint try. */
export function conditionConstants(cond: unknown): { attr: string; value: number }[] {
  if (!cond || typeof cond !== 'object') return [];
  const out: { attr: string; value: number }[] = [];
  for (const [key, spec] of Object.entries(cond as Record<string, unknown>)) {
    if (key === 'all' || key === 'any') for (const c of spec as unknown[]) out.push(...conditionConstants(c));
    else if (key === 'not') out.push(...conditionConstants(spec));
    else if (typeof spec === 'string') {
      const m = CMP.exec(spec);
      if (m && Number.isFinite(Number(m[2]))) out.push({ attr: key, value: Number(m[2]) });
    } else if (typeof spec === 'number') out.push({ attr: key, value: spec });
  }
  return out;
}
