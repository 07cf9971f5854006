import type { ProgramPeriod, ProgramSpan } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { ProgramItemTable, ProgramTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { GUARDED_RECORD_COLUMNS, insertRow, lastPosition, rowById } from './query.helpers.js';

/** What a program's text and jsonb columns hold (the schema knows them only as text and jsonb). */
interface ProgramShapes {
  kind: 'work' | 'inspection';
  span: ProgramSpan;
  state: 'draft' | 'adopted' | 'cancelled';
  competence: { ok: boolean; competent: string | null; reason_vi: string; ruleIds: string[]; eIds: string[] } | null;
}
export type ProgramRow = Omit<Selectable<ProgramTable>, keyof ProgramShapes> & ProgramShapes;

/** What an item's text and jsonb columns hold. */
interface ProgramItemShapes {
  period_kind: ProgramPeriod['kind'];
  lead_kind: 'unit' | 'person' | null;
  supporting: { kind: 'unit' | 'person'; id: string | null; name: string }[];
  targets: { id: string | null; name: string }[];
}
export type ProgramItemRow = Omit<Selectable<ProgramItemTable>, keyof ProgramItemShapes> & ProgramItemShapes;

/** Every column: the whole row is what the audit trail records as "before". */
export const PROGRAM_COLUMNS = [
  'id',
  'org_id',
  'term_id',
  'kind',
  'span',
  'year',
  'title',
  'matter',
  'owner_body_id',
  'state',
  'adopted_on',
  'adopted_meeting_id',
  'adopted_agenda_item_id',
  'adopting_body_id',
  'issued_document_id',
  'symbol',
  'competence',
  ...GUARDED_RECORD_COLUMNS,
  'period',
  'source_report_id',
] as const;

export const PROGRAM_ITEM_COLUMNS = [
  'id',
  'org_id',
  'program_id',
  'position',
  'title',
  'period_kind',
  'period',
  'due_meeting_id',
  'starts_on',
  'due_date',
  'period_label',
  'lead_kind',
  'lead_id',
  'lead_name',
  'lead_org_id',
  'supporting',
  'supervisor_person_id',
  'deciding_body',
  'product',
  'matter',
  'inspection_kind',
  'targets',
  'weight',
  'version',
  'carried_from_item_id',
] as const;

export const programById = (s: Sql, id: string) => rowById<ProgramRow>(s, 'program', PROGRAM_COLUMNS, id);

/** The term a program belongs to, with the dates its span is checked against. */
export async function programTermById(s: Sql, termId: string) {
  return qb(s)
    .selectFrom('term')
    .select(['id', 'name', 'org_id', 'valid_from', 'valid_until'])
    .where('id', '=', termId)
    .executeTakeFirst();
}

/** The live (not cancelled) program of the same kind, span, period, term and owner: one per period. */
export async function programLiveTwin(
  s: Sql,
  p: Pick<ProgramRow, 'org_id' | 'kind' | 'span' | 'year' | 'period' | 'term_id' | 'owner_body_id'>,
) {
  const { rows } = await sql<{ title: string }>`
    select title from program
     where org_id = ${p.org_id} and kind = ${p.kind} and span = ${p.span}
       and coalesce(year, 0) = coalesce(${p.year}::int, 0) and coalesce(period, '') = coalesce(${p.period}::text, '')
       and term_id = ${p.term_id} and coalesce(owner_body_id, org_id) = coalesce(${p.owner_body_id}::uuid, org_id)
       and state <> 'cancelled'`.execute(qb(s));
  return rows[0];
}

export const insertProgram = (s: Sql, row: Insertable<ProgramTable>) => insertRow(s, 'program', row);

export async function touchProgram(s: Sql, id: string) {
  await qb(s).updateTable('program').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** A change to an item is a change to its program: its version moves too. */
export async function bumpProgramVersion(s: Sql, id: string) {
  await qb(s)
    .updateTable('program')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id)
    .execute();
}

export const programItemById = (s: Sql, id: string) =>
  rowById<ProgramItemRow>(s, 'program_item', PROGRAM_ITEM_COLUMNS, id);

export async function programItemsInOrder(s: Sql, programId: string): Promise<ProgramItemRow[]> {
  return qb(s)
    .selectFrom('program_item')
    .select(PROGRAM_ITEM_COLUMNS)
    .where('program_id', '=', programId)
    .orderBy('position')
    .$narrowType<ProgramItemShapes>()
    .execute();
}

export const programItemNextPosition = async (s: Sql, programId: string) =>
  (await lastPosition(s, 'program_item', 'program_id', programId)) + 1;

export const insertProgramItem = (s: Sql, row: Insertable<ProgramItemTable>) => insertRow(s, 'program_item', row);

/** Deletes an item and closes the gap it leaves in its program's numbering. */
export async function deleteProgramItemAt(s: Sql, programId: string, itemId: string, position: number) {
  await qb(s).deleteFrom('program_item').where('id', '=', itemId).execute();
  await qb(s)
    .updateTable('program_item')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('program_id', '=', programId)
    .where('position', '>', position)
    .execute();
}
