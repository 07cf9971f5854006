import { foldVietnamese } from '../text/text.fold.js';

/**
 * How near-copies of members' personal action plans are found. Each plan's text is folded (no diacritics, lower case,
 * punctuation dropped) and cut into overlapping runs of `shingle` words; two plans are alike when the share of runs
 * they have in common (Jaccard similarity of the two sets) is at least `threshold`. Candidates are found with MinHash
 * (`bands` × `rows` hash values per plan, locality-sensitive banding) so that a province's plans are not compared
 * pair by pair; every candidate is then measured exactly, so a reported figure is the true Jaccard similarity.
 * With 42 bands of 3 rows, a pair at 0.6 is a candidate with probability 1 − (1 − 0.6³)⁴² ≈ 0.99997, at 0.5
 * ≈ 0.996, at 0.2 ≈ 0.29 (then dropped by the exact measure). Phrases common to the whole set are left out first
 * (`commonShare`).
 */
export const PLAN_SIMILARITY = {
  shingle: 3,
  bands: 42,
  rows: 3,
  threshold: 0.6,
  /**
   * A run found in more than this share of the plans checked (and in at least `commonMin` of them) is a phrase the
   * whole set uses ("thường xuyên học tập, quán triệt nghị quyết"): it is not evidence that one plan copies another
   * and is left out of both plans before they are compared.
   */
  commonShare: 0.01,
  commonMin: 50,
  /** Fewer runs than this in common (after the common phrases) is chance, whatever the share: a short plan's. */
  minShared: 5,
} as const;

export interface PlanText {
  id: string;
  text: string;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Jaccard similarity of the two plans' word runs, 0–1, rounded to 3 decimals. */
  similarity: number;
}

/** A word of the original text, folded, with where it stands (for highlighting). */
interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function planTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(WORD))
    out.push({ word: foldVietnamese(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The folded words of a text, in order (one fold of the whole text: the check's hot path). */
export function planWords(text: string): string[] {
  return foldVietnamese(text.normalize('NFC')).match(WORD) ?? [];
}

/** FNV-1a, 32 bits: a word run as a number. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: mixes 32 bits well enough to serve as one of MinHash's permutations. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The runs of `k` words as sorted distinct numbers; a text shorter than `k` words is one run. */
export function shingleSet(words: string[], k: number = PLAN_SIMILARITY.shingle): Uint32Array {
  const hashes = new Set<number>();
  if (words.length > 0 && words.length < k) hashes.add(fnv1a(words.join(' ')));
  for (let i = 0; i + k <= words.length; i++) {
    let run = words[i]!;
    for (let j = 1; j < k; j++) run += ` ${words[i + j]!}`;
    hashes.add(fnv1a(run));
  }
  return Uint32Array.from(hashes).sort();
}

/** Jaccard similarity of two sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  return shared === 0 ? 0 : shared / (a.length + b.length - shared);
}

/** How many values two sorted sets have in common. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

const SEEDS = Array.from({ length: PLAN_SIMILARITY.bands * PLAN_SIMILARITY.rows }, (_, i) =>
  fmix32(i * 0x9e3779b9 + 1),
);

/** The MinHash signature: for each seeded permutation, the least value over the set. */
export function minhash(set: Uint32Array, into = new Uint32Array(SEEDS.length)): Uint32Array {
  into.fill(0xffffffff);
  for (let s = 0; s < SEEDS.length; s++) {
    const seed = SEEDS[s]!;
    let min = 0xffffffff;
    for (let i = 0; i < set.length; i++) {
      const h = fmix32(set[i]! ^ seed);
      if (h < min) min = h;
    }
    into[s] = min;
  }
  return into;
}

/**
 * Each plan's runs of words as compared: without the phrases common to the set (`commonShare`); plans left without
 * a run are left out.
 */
export function planRuns(plans: readonly PlanText[]): { ids: string[]; sets: Uint32Array[] } {
  const { commonShare, commonMin } = PLAN_SIMILARITY;
  const all = plans.map((p) => ({ id: p.id, set: shingleSet(planWords(p.text)) }));
  const used = new Map<number, number>();
  for (const { set } of all) for (const h of set) used.set(h, (used.get(h) ?? 0) + 1);
  const common = Math.max(commonMin, Math.floor(commonShare * all.length));
  const ids: string[] = [];
  const sets: Uint32Array[] = [];
  for (const p of all) {
    const set = p.set.filter((h) => used.get(h)! <= common);
    if (set.length === 0) continue;
    ids.push(p.id);
    sets.push(set);
  }
  return { ids, sets };
}

/**
 * The pairs of plans at least `threshold` alike, most alike first. Plans without words are left out. Time grows with
 * the number of plans times their length (signatures), plus the candidates the bands bring together.
 */
export function similarPlans(
  plans: readonly PlanText[],
  threshold: number = PLAN_SIMILARITY.threshold,
): { threshold: number; pairs: SimilarPair[] } {
  const { bands, rows } = PLAN_SIMILARITY;
  const { ids, sets } = planRuns(plans);
  const n = sets.length;
  const width = bands * rows;
  const signature = new Uint32Array(width);
  // Each plan's key in each band: the plans whose keys are equal in some band are the candidates.
  const keys = new Uint32Array(n * bands);
  for (let i = 0; i < n; i++) {
    minhash(sets[i]!, signature);
    for (let band = 0; band < bands; band++) {
      let key = 0x811c9dc5;
      for (let r = 0; r < rows; r++) key = fmix32(key ^ signature[band * rows + r]!);
      keys[i * bands + band] = key;
    }
  }
  // A pair is measured in the first band where it meets, so once, without keeping the pairs seen.
  const metBefore = (i: number, j: number, band: number) => {
    for (let b = 0; b < band; b++) if (keys[i * bands + b] === keys[j * bands + b]) return true;
    return false;
  };
  const pairs: SimilarPair[] = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const key = keys[i * bands + band]!;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++)
        for (let y = x + 1; y < bucket.length; y++) {
          const [i, j] = [bucket[x]!, bucket[y]!];
          if (metBefore(i, j, band)) continue;
          const shared = sharedCount(sets[i]!, sets[j]!);
          const similarity = shared / (sets[i]!.length + sets[j]!.length - shared);
          if (similarity >= threshold && shared >= PLAN_SIMILARITY.minShared)
            pairs.push({ a: ids[i]!, b: ids[j]!, similarity: Math.round(similarity * 1000) / 1000 });
        }
    }
  }
  pairs.sort((p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
  return { threshold, pairs };
}

/**
 * Where two plans say the same thing: the character ranges of each text covered by a run of `k` words that the other
 * also has (folded), merged, for showing the pair side by side with the shared passages marked.
 */
export function sharedPassages(
  a: string,
  b: string,
  k: number = PLAN_SIMILARITY.shingle,
): { a: [number, number][]; b: [number, number][] } {
  const ta = planTokens(a);
  const tb = planTokens(b);
  const runs = (t: Token[]) => {
    const out = new Set<string>();
    for (let i = 0; i + k <= t.length; i++)
      out.add(
        t
          .slice(i, i + k)
          .map((x) => x.word)
          .join(' '),
      );
    return out;
  };
  const mark = (t: Token[], other: Set<string>) => {
    const covered = new Array<boolean>(t.length).fill(false);
    for (let i = 0; i + k <= t.length; i++)
      if (
        other.has(
          t
            .slice(i, i + k)
            .map((x) => x.word)
            .join(' '),
        )
      )
        covered.fill(true, i, i + k);
    const ranges: [number, number][] = [];
    for (let i = 0; i < t.length; i++) {
      if (!covered[i]) continue;
      const last = ranges[ranges.length - 1];
      if (last && covered[i - 1]) last[1] = t[i]!.end;
      else ranges.push([t[i]!.start, t[i]!.end]);
    }
    return ranges;
  };
  return { a: mark(ta, runs(tb)), b: mark(tb, runs(ta)) };
}
