import type { RecommendationSource, RecommendationState } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { RecommendationTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { GUARDED_RECORD_COLUMNS, insertRow, rowById } from './query.helpers.js';

/** What a recommendation's text and jsonb columns hold (the schema knows them only as text and jsonb). */
interface RecommendationShapes {
  source: RecommendationSource;
  state: RecommendationState;
  due_basis: { ok: boolean; reason_vi: string; ruleIds: string[]; eIds: string[] } | null;
}
export type RecommendationRow = Omit<Selectable<RecommendationTable>, keyof RecommendationShapes> &
  RecommendationShapes;

const RECOMMENDATION_COLUMNS = [
  'id',
  'org_id',
  'to_body_id',
  'source',
  'from_org_id',
  'from_label',
  'inspection_id',
  'title',
  'text',
  'received_on',
  'due_on',
  'due_basis',
  'state',
  'answer_text',
  'answered_on',
  'answer_symbol',
  ...GUARDED_RECORD_COLUMNS,
  'review_request_id',
] as const;

/** A recommendation as a list names it: its title, who sent it and when it was received. */
export interface RecommendationHeading {
  id: string;
  title: string;
  from_label: string;
  received_on: string;
}

export const recommendationById = (s: Sql, id: string) =>
  rowById<RecommendationRow>(s, 'recommendation', RECOMMENDATION_COLUMNS, id);

export const insertRecommendation = (s: Sql, row: Insertable<RecommendationTable>) =>
  insertRow(s, 'recommendation', row);

export async function touchRecommendation(s: Sql, id: string) {
  await qb(s).updateTable('recommendation').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

/**
 * The recommendations an organization received (or sent), as far as the reader's clearance goes: open ones, those
 * overdue on `today`, or of one state; matching every word of `words` (folded); latest received first.
 */
export async function listRecommendationsForOrg(
  s: Sql,
  q: {
    orgId: string;
    direction: 'received' | 'sent';
    clearance: number;
    state: 'open' | 'overdue' | RecommendationState | null;
    today: string;
    words: string[];
  },
): Promise<RecommendationRow[]> {
  let query = qb(s)
    .selectFrom('recommendation')
    .select(RECOMMENDATION_COLUMNS)
    .where(q.direction === 'sent' ? 'from_org_id' : 'org_id', '=', q.orgId)
    .where('confidentiality', '<=', q.clearance);
  if (q.state === 'open') query = query.where('state', 'in', ['received', 'assigned']);
  else if (q.state === 'overdue')
    query = query.where('state', 'in', ['received', 'assigned']).where('due_on', '<', q.today);
  else if (q.state) query = query.where('state', '=', q.state);
  for (const w of q.words) query = query.where(sql<boolean>`search_text like '%' || ${w} || '%'`);
  return query.orderBy('received_on', 'desc').orderBy('id').$narrowType<RecommendationShapes>().execute();
}
