import type { InspectionKind, InspectionState, TeamRole } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { InspectionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { GUARDED_RECORD_COLUMNS, insertRow, rowById } from './query.helpers.js';

/** What an inspection's text and jsonb columns hold (the schema knows them only as text and jsonb). */
interface InspectionShapes {
  kind: InspectionKind;
  team: { personId: string; role: TeamRole }[];
  targets: { id: string | null; name: string }[];
  findings: { target: string; text: string; violation?: boolean }[];
  state: InspectionState;
  competence: { ok: boolean; reason_vi: string; ruleIds: string[]; eIds: string[] } | null;
}
export type InspectionRow = Omit<Selectable<InspectionTable>, keyof InspectionShapes> & InspectionShapes;

/** Every column: the whole row is what the audit trail records as "before". */
const INSPECTION_COLUMNS = [
  'id',
  'org_id',
  'program_item_id',
  'kind',
  'title',
  'deciding_body',
  'decision_symbol',
  'decision_document_id',
  'decided_on',
  'team',
  'targets',
  'window_from',
  'window_to',
  'findings',
  'conclusion_text',
  'conclusion_symbol',
  'conclusion_document_id',
  'concluded_on',
  'verified_on',
  'verification_text',
  'state',
  'competence',
  ...GUARDED_RECORD_COLUMNS,
] as const;

export const inspectionById = (s: Sql, id: string) => rowById<InspectionRow>(s, 'inspection', INSPECTION_COLUMNS, id);

/** The organization of an inspection (a recommendation or a shortcoming refers to one of its own). */
export async function inspectionOrgById(s: Sql, id: string) {
  return qb(s).selectFrom('inspection').select('org_id').where('id', '=', id).executeTakeFirst();
}

/** The program item an inspection is planned under, joined with its program (`i`, `p`). */
const planItem = (s: Sql, programItemId: string) =>
  qb(s)
    .selectFrom('program_item as i')
    .innerJoin('program as p', 'p.id', 'i.program_id')
    .where('i.id', '=', programItemId);

/** The program item an inspection is planned under, with its program's state and kind. */
export async function inspectionPlanItem(s: Sql, programItemId: string) {
  return planItem(s, programItemId).select(['i.org_id', 'p.state', 'p.kind']).executeTakeFirst();
}

/** The program an inspection is planned under (through its item). */
export async function inspectionProgram(s: Sql, programItemId: string) {
  return planItem(s, programItemId).select(['p.id', 'p.title', 'p.symbol']).executeTakeFirst();
}

export const insertInspection = (s: Sql, row: Insertable<InspectionTable>) => insertRow(s, 'inspection', row);

export async function touchInspection(s: Sql, id: string) {
  await qb(s).updateTable('inspection').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** The titles of the remediation tasks not yet done: verification waits for them. */
export async function inspectionOpenRemedyTitles(s: Sql, id: string) {
  const rows = await qb(s)
    .selectFrom('task')
    .select('title')
    .where('source_kind', '=', 'inspection')
    .where('source_id', '=', id)
    .where('state', 'in', ['draft', 'assigned', 'in_progress', 'reported'])
    .orderBy('due_effective')
    .execute();
  return rows.map((t) => t.title);
}

/** The names of an inspection team's members. */
export async function inspectionTeamNames(s: Sql, personIds: string[]) {
  return qb(s)
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('id', '=', sql<string>`any(${personIds}::uuid[])`)
    .execute();
}

/** The recommendations an inspection gave rise to, as far as the reader's clearance goes. */
export async function inspectionRecommendations(s: Sql, id: string, clearance: number) {
  return qb(s)
    .selectFrom('recommendation')
    .select(['id', 'title', 'state'])
    .where('inspection_id', '=', id)
    .where('confidentiality', '<=', clearance)
    .orderBy('received_on')
    .execute();
}

/**
 * The inspections an organization decided or that target one of `covered` (the organization and those under it),
 * of a state and a year, as far as the reader's clearance goes; in the order they take place.
 */
export async function listInspectionIdsForOrg(
  s: Sql,
  q: { orgId: string; clearance: number; state: string | null; year: number | null; covered: string[] },
) {
  const { rows } = await sql<{ id: string }>`
    select id from inspection
     where (org_id = ${q.orgId} or exists (select 1 from jsonb_array_elements(targets) g
       where g->>'id' = any(${q.covered}::text[])))
       and confidentiality <= ${q.clearance} and (${q.state}::text is null or state = ${q.state})
       and (${q.year}::int is null or extract(year from
         coalesce(window_from, decided_on, created_at::date)) = ${q.year})
     order by coalesce(window_from, decided_on) nulls last, created_at`.execute(qb(s));
  return rows.map((r) => r.id);
}
