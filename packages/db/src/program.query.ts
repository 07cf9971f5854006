import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { PROGRAM_COLUMNS, PROGRAM_ITEM_COLUMNS, type ProgramItemRow, type ProgramRow } from './program.repo.js';

/** `= any($n::uuid[])`: one parameter for a list of ids, empty or not. */
const anyUuid = (ids: string[]) => sql<string>`any(${ids}::uuid[])`;

const ITEM_COLUMNS_OF_I = PROGRAM_ITEM_COLUMNS.map((c) => `i.${c}` as const);
const PROGRAM_COLUMNS_OF_P = PROGRAM_COLUMNS.map((c) => `p.${c}` as const);

/** The items of programs, each with its supervisor's name, in program then position order. */
export async function programItemsWithSupervisor(s: Sql, programIds: string[]) {
  return qb(s)
    .selectFrom('program_item as i')
    .leftJoin('person as p', 'p.id', 'i.supervisor_person_id')
    .select(ITEM_COLUMNS_OF_I)
    .select('p.full_name as supervisor_name')
    .where('i.program_id', '=', anyUuid(programIds))
    .orderBy('i.program_id')
    .orderBy('i.position')
    .$narrowType<Pick<ProgramItemRow, 'period_kind' | 'lead_kind' | 'supporting' | 'targets'>>()
    .execute();
}

/** The inspections carried out under program items, as far as the reader's clearance goes. */
export async function programItemInspections(s: Sql, itemIds: string[], clearance: number) {
  return qb(s)
    .selectFrom('inspection')
    .select(['id', 'title', 'state', 'program_item_id'])
    .where('program_item_id', '=', anyUuid(itemIds))
    .where('confidentiality', '<=', clearance)
    .orderBy('created_at')
    .$narrowType<{ program_item_id: string }>()
    .execute();
}

/**
 * Both ends of carry-overs: the earlier items `back` continues, and the items of live programs continuing `ids`.
 */
export async function programCarriedLinks(s: Sql, back: string[], ids: string[], clearance: number) {
  return qb(s)
    .selectFrom('program_item as i')
    .innerJoin('program as p', 'p.id', 'i.program_id')
    .select(['i.id', 'i.program_id', 'p.title', 'i.period_label', 'i.carried_from_item_id'])
    .where((eb) =>
      eb.or([
        eb('i.id', '=', anyUuid(back)),
        eb.and([eb('i.carried_from_item_id', '=', anyUuid(ids)), eb('p.state', '<>', 'cancelled')]),
      ]),
    )
    .where('p.confidentiality', '<=', clearance)
    .execute();
}

/** The review report a program was drawn from (its next period's key tasks). */
export async function programSourceReport(s: Sql, reportId: string) {
  return qb(s).selectFrom('review_report').select(['id', 'title']).where('id', '=', reportId).executeTakeFirst();
}

/**
 * An organization's programs: of a year (the full-term ones whose term covers it too) and of a kind, as far as the
 * reader's clearance goes; full-term first, then by year, latest first.
 */
export async function listProgramsForOrg(
  s: Sql,
  q: { orgId: string; clearance: number; year: number | null; kind: string | null },
): Promise<ProgramRow[]> {
  return qb(s)
    .selectFrom('program as p')
    .select(PROGRAM_COLUMNS_OF_P)
    .where('p.org_id', '=', q.orgId)
    .where('p.confidentiality', '<=', q.clearance)
    .where(
      sql<boolean>`(${q.year}::int is null or p.year = ${q.year} or (p.span = 'term' and exists (
        select 1 from term t where t.id = p.term_id and extract(year from t.valid_from) <= ${q.year}
           and (t.valid_until is null or extract(year from t.valid_until) >= ${q.year}))))`,
    )
    .where(sql<boolean>`(${q.kind}::text is null or p.kind = ${q.kind})`)
    .orderBy('p.span', 'desc')
    .orderBy('p.year', (ob) => ob.desc().nullsFirst())
    .orderBy('p.kind')
    .$narrowType<Pick<ProgramRow, 'kind' | 'span' | 'state' | 'competence'>>()
    .execute();
}
