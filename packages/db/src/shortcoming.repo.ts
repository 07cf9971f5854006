import { type Insertable, type Selectable, sql } from 'kysely';
import type { ShortcomingTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow } from './query.helpers.js';

/** A shortcoming with the titles of what named it: a review report, an inspection or a review request. */
export type ShortcomingRow = Omit<Selectable<ShortcomingTable>, 'state'> & {
  state: 'open' | 'fixed';
  report_title: string | null;
  inspection_title: string | null;
  request_title: string | null;
};

const SHORTCOMING_COLUMNS = [
  's.id',
  's.org_id',
  's.text',
  's.cause',
  's.remedy',
  's.lead_kind',
  's.lead_id',
  's.lead_name',
  's.due_date',
  's.identified_on',
  's.review_report_id',
  's.inspection_id',
  's.state',
  's.fixed_on',
  's.evidence',
  's.confidentiality',
  's.version',
  's.created_at',
  's.updated_at',
  's.review_request_id',
] as const;

function withSources(s: Sql) {
  return qb(s)
    .selectFrom('shortcoming as s')
    .leftJoin('review_report as r', 'r.id', 's.review_report_id')
    .leftJoin('inspection as i', 'i.id', 's.inspection_id')
    .leftJoin('review_request as q', 'q.id', 's.review_request_id')
    .select(SHORTCOMING_COLUMNS)
    .select(['r.title as report_title', 'i.title as inspection_title', 'q.title as request_title'])
    .$narrowType<{ state: 'open' | 'fixed' }>();
}

export async function shortcomingById(s: Sql, id: string): Promise<ShortcomingRow | undefined> {
  return withSources(s).where('s.id', '=', id).executeTakeFirst();
}

/** An organization's register (of one state), as far as the reader's clearance goes, oldest first; 500 at most. */
export async function listShortcomingsForOrg(
  s: Sql,
  q: { orgId: string; clearance: number; state: 'open' | 'fixed' | null },
): Promise<ShortcomingRow[]> {
  let query = withSources(s).where('s.org_id', '=', q.orgId).where('s.confidentiality', '<=', q.clearance);
  if (q.state) query = query.where('s.state', '=', q.state);
  return query.orderBy('s.identified_on').orderBy('s.created_at').limit(500).execute();
}

/** Whether the lead of a remedy is a known body, organization or person. */
export async function shortcomingLeadExists(s: Sql, leadId: string | null) {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from body where id = ${leadId}
    union all select 1 from organization where id = ${leadId}
    union all select 1 from person where id = ${leadId}`.execute(qb(s));
  return rows.length > 0;
}

/** The organization of the review report a shortcoming was named in. */
export async function shortcomingReportOrg(s: Sql, reportId: string) {
  return qb(s).selectFrom('review_report').select('org_id').where('id', '=', reportId).executeTakeFirst();
}

export const insertShortcoming = (s: Sql, row: Insertable<ShortcomingTable>) => insertRow(s, 'shortcoming', row);

export async function touchShortcoming(s: Sql, id: string) {
  await qb(s).updateTable('shortcoming').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}
