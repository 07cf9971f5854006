import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.schema.js';
import { OrgRefSchema } from './org.schema.js';

/** What the search finds, in the order its groups are shown when they rank alike. */
export const SEARCH_KINDS = [
  'regulation',
  'clause',
  'conclusion',
  'meeting',
  'task',
  'program',
  'inspection',
  'recommendation',
  'consultation',
  'report',
  'organization',
  'person',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, { vi: string; en: string }> = {
  regulation: { vi: 'Quy chế', en: 'Regulations' },
  clause: { vi: 'Điều, khoản quy chế', en: 'Articles and clauses' },
  conclusion: { vi: 'Thông báo kết luận, kết luận', en: 'Conclusion notices' },
  meeting: { vi: 'Hội nghị, phiên họp', en: 'Meetings' },
  task: { vi: 'Nhiệm vụ', en: 'Tasks' },
  program: { vi: 'Chương trình', en: 'Programs' },
  inspection: { vi: 'Kiểm tra, giám sát', en: 'Inspections and supervisions' },
  recommendation: { vi: 'Kiến nghị, đề xuất', en: 'Recommendations' },
  consultation: { vi: 'Lấy ý kiến', en: 'Consultations' },
  report: { vi: 'Báo cáo sơ kết, tổng kết', en: 'Review reports' },
  organization: { vi: 'Tổ chức', en: 'Organizations' },
  person: { vi: 'Cán bộ, đảng viên', en: 'People' },
};

/** `limit`: results per kind. */
export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  asOf: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const SearchItemSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** The record's id (a clause: its version and element); for links and keys, never shown. */
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** The web page of the record. */
  href: z.string(),
  score: z.number().int(),
});
export const SearchGroupSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** Matches found of this kind (those beyond `limit` are not listed). */
  total: z.number().int(),
  /** The search stopped counting: there are more than `total`. */
  capped: z.boolean(),
  items: z.array(SearchItemSchema),
});

export const SearchResultSchema = z.object({
  q: z.string(),
  /** Every kind with a match, best group first; within a group, best first. */
  groups: z.array(SearchGroupSchema),
  organizations: z.array(OrgRefSchema.extend({ validFrom: z.string(), validUntil: z.string().nullable() })),
  people: z.array(
    z.object({ id: IdSchema, fullName: z.string(), orgName: z.string(), positions: z.array(z.string()) }),
  ),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type SearchItem = z.infer<typeof SearchItemSchema>;
