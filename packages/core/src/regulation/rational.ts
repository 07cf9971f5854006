/** Exact ratios ("2/3", "1/2", 0.5) compared with integers only: present·den ≥ base·num. */
export interface Rational {
  num: number;
  den: number;
}

export function parseRatio(v: unknown): Rational | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
    const s = String(v);
    const decimals = s.includes('.') ? s.split('.')[1]!.length : 0;
    if (decimals > 9) return null;
    const den = 10 ** decimals;
    return reduce({ num: Math.round(v * den), den });
  }
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  if (m) {
    const r = { num: Number(m[1]), den: Number(m[2]) };
    return r.den === 0 ? null : reduce(r);
  }
  const n = Number(v);
  return /^\s*\d+(\.\d+)?\s*$/.test(v) ? parseRatio(n) : null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den) || 1;
  return { num: r.num / g, den: r.den / g };
}

/** count/base compared with the ratio: `>=` (ít nhất) or `>` (quá). Integers only, so no rounding error. */
export function meetsRatio(count: number, base: number, ratio: Rational, cmp: '>=' | '>'): boolean {
  // Products of numbers below 2^26 are exact in a double; beyond that, BigInt.
  if (count < 67_108_864 && base < 67_108_864 && ratio.num < 67_108_864 && ratio.den < 67_108_864) {
    const l = count * ratio.den;
    const r = base * ratio.num;
    return cmp === '>' ? l > r : l >= r;
  }
  const lhs = BigInt(count) * BigInt(ratio.den);
  const rhs = BigInt(base) * BigInt(ratio.num);
  return cmp === '>' ? lhs > rhs : lhs >= rhs;
}

/** The smallest count that meets the ratio of `base`. */
export function minimumCount(base: number, ratio: Rational, cmp: '>=' | '>'): number {
  const q = Math.floor((base * ratio.num) / ratio.den);
  return cmp === '>' ? q + 1 : (base * ratio.num) % ratio.den === 0 ? q : q + 1;
}

export function formatRatio(r: Rational): string {
  return `${r.num}/${r.den}`;
}
