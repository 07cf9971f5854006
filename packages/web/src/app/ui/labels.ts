import type { Lang } from './i18n';

/** A label in both languages for each code (a kind, a state). */
export type Labels = Record<string, { vi: string; en: string }>;

/** The label of `key` in the language (the code itself when it has none; '' for none). */
export const labelOf = (labels: Labels, key: string | null | undefined, l: Lang) =>
  key ? (labels[key]?.[l] ?? key) : '';

/**
 * The empty first choice of a select whose choices are still being fetched: "Đang tải…" while `loading`, then the
 * `prompt` to choose one (`tr` is useTr's).
 */
export const promptChoice = (loading: boolean, prompt: string, tr: (vi: string, en: string) => string) => ({
  value: '',
  label: loading ? tr('Đang tải…', 'Loading…') : prompt,
});
