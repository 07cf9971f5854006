/**
 * The superior's table of its subordinates: each ranked by the share of its tasks finished on time, and flagged
 * when it stands clearly apart from the others — more tasks late or overdue than chance would give at the rate of
 * all of them together (a binomial tail below 1 %, so that 2 late of 4 in a small unit is not a finding but 5 of 5
 * is) and at least 20 points below the median — or short of its meeting regime.
 */
export interface SubordinateFigures {
  orgId: string;
  name: string;
  /** Tasks done on time, done late, and overdue at the period's end. */
  onTime: number;
  late: number;
  overdue: number;
  /** Regular meetings held and required by its regulation (null when it has no regulation to judge by). */
  held: number;
  required: number | null;
}

export interface RankedSubordinate {
  orgId: string;
  onTimeRate: number | null;
  rank: number;
  flag_vi: string | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** P(X ≥ k) for X binomial with n trials and probability p. */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let term = (1 - p) ** n; // P(X = 0)
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - below);
}

export function onTimeRate(f: Pick<SubordinateFigures, 'onTime' | 'late' | 'overdue'>): number | null {
  const n = f.onTime + f.late + f.overdue;
  return n === 0 ? null : f.onTime / n;
}

export function rankSubordinates(rows: SubordinateFigures[], collator = new Intl.Collator('vi')): RankedSubordinate[] {
  const rates = rows.map((r) => onTimeRate(r));
  const known = rates.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const median = quantile(known, 0.5);
  const totalDue = rows.reduce((n, r) => n + r.onTime + r.late + r.overdue, 0);
  const pooledMiss = totalDue ? rows.reduce((n, r) => n + r.late + r.overdue, 0) / totalDue : 0;
  const order = rows
    .map((r, i) => ({ r, rate: rates[i]! }))
    .sort(
      (a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.r.overdue - b.r.overdue || collator.compare(a.r.name, b.r.name),
    );
  const rank = new Map(order.map((x, i) => [x.r.orgId, i + 1]));
  return rows.map((r, i) => {
    const rate = rates[i]!;
    const reasons: string[] = [];
    const due = r.onTime + r.late + r.overdue;
    if (
      rate !== null &&
      known.length >= 4 &&
      rate <= median - 0.2 &&
      binomialTail(due, r.late + r.overdue, pooledMiss) < 0.01
    ) {
      reasons.push(
        `đúng hạn ${pct(rate)} nhiệm vụ (${r.onTime}/${due}), ` +
          `thấp hơn nhiều so với mức chung ${pct(median)}${r.overdue ? `; ${r.overdue} nhiệm vụ quá hạn` : ''}`,
      );
    }
    if (r.required !== null && r.held < r.required)
      reasons.push(`họp thường lệ ${r.held}/${r.required} kỳ theo quy chế`);
    const flag = reasons.length ? reasons.join('; ').replace(/^./, (c) => c.toUpperCase()) : null;
    return { orgId: r.orgId, onTimeRate: rate, rank: rank.get(r.orgId)!, flag_vi: flag };
  });
}
