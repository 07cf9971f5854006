import type { Adjustment, Evidence } from '@quyche/core';
import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { inIds } from './query.helpers.js';
import { regulationSourceText } from './meeting.repo.js';
import { nearestRegulationUp } from './regulation.repo.js';

const asJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The assessment rules that govern an organization on a date: the nearest regulation up its chain (itself first) that
 * applies to assessment ('assessment'), the version in force then.
 */
export async function assessmentRegulationFor(s: Sql, orgId: string, on: string) {
  const v = await nearestRegulationUp(s, { orgId, on, appliesTo: 'assessment' });
  return v && { ...v, source_text: (await regulationSourceText(s, v.id)) ?? '' };
}

/** Who is assessed, for which year and in whose quota: what opening a sheet writes and every read gives back. */
interface AssessmentSubject {
  id: string;
  org_id: string;
  unit_id: string;
  year: number;
  subject: 'member' | 'organization';
  person_id: string | null;
  subject_org_id: string | null;
}

export interface AssessmentRow extends AssessmentSubject {
  name: string;
  org_name: string;
  state: 'open' | 'self_assessed' | 'reviewed' | 'decided';
  evidence: Evidence;
  adjustments: Adjustment[];
  self_points: Record<string, number> | null;
  self_text: string | null;
  self_level: string | null;
  self_on: string | null;
  opinion: string | null;
  opinion_level: string | null;
  opinion_on: string | null;
  decided_level: string | null;
  decided_points: number | null;
  decided_basis: { ruleIds: string[]; eIds: string[]; reason_vi: string } | null;
  justification: string | null;
  decided_on: string | null;
  version: number;
}

const base = (s: Sql) =>
  qb(s)
    .selectFrom('assessment as a')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .leftJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('organization as so', 'so.id', 'a.subject_org_id')
    .select(['a.id', 'a.org_id', 'a.unit_id', 'a.year', 'a.subject', 'a.person_id', 'a.subject_org_id', 'a.state'])
    .select(['a.evidence', 'a.adjustments', 'a.self_points', 'a.self_text', 'a.self_level', 'a.opinion'])
    .select(['a.opinion_level', 'a.decided_level', 'a.decided_basis', 'a.justification', 'a.version'])
    .select(['o.name as org_name'])
    .select(sql<string>`coalesce(p.full_name, so.name)`.as('name'))
    .select(sql<number | null>`a.decided_points::float8`.as('decided_points'))
    .select(sql<string | null>`to_char(a.self_on, 'YYYY-MM-DD')`.as('self_on'))
    .select(sql<string | null>`to_char(a.opinion_on, 'YYYY-MM-DD')`.as('opinion_on'))
    .select(sql<string | null>`to_char(a.decided_on, 'YYYY-MM-DD')`.as('decided_on'));

const toRow = (r: Record<string, unknown>): AssessmentRow =>
  ({
    ...r,
    evidence: asJson(r['evidence']),
    adjustments: asJson(r['adjustments']) ?? [],
    self_points: asJson(r['self_points']),
    decided_basis: asJson(r['decided_basis']),
  }) as AssessmentRow;

export async function assessmentById(s: Sql, id: string) {
  const r = await base(s).where('a.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** The assessments of a year counted in these units' quotas, members by cell and name, then organizations. */
export async function assessmentsOfUnits(s: Sql, unitIds: readonly string[], year: number) {
  if (unitIds.length === 0) return [];
  const rows = await base(s)
    .where(inIds('a.unit_id', unitIds))
    .where('a.year', '=', year)
    .orderBy('a.subject')
    .orderBy('o.name')
    .orderBy(sql`coalesce(p.full_name, so.name)`)
    .execute();
  return rows.map(toRow);
}

export interface NewAssessment extends AssessmentSubject {
  evidence: unknown;
}

/** Opens the year's assessments not opened yet (a member in a cell, an organization), leaving existing ones. */
export async function insertAssessments(s: Sql, rows: readonly NewAssessment[]) {
  let created = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const r = await qb(s)
      .insertInto('assessment')
      .values(chunk.map((x) => ({ ...x, evidence: JSON.stringify(x.evidence) })))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    created += r.length;
  }
  return created;
}

/** Writes the fields given of an assessment at the version read; false when someone changed it meanwhile. */
export async function updateAssessment(s: Sql, id: string, version: number, set: Record<string, unknown>) {
  const values = Object.fromEntries(
    Object.entries(set).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]),
  );
  const r = await qb(s)
    .updateTable('assessment')
    .set({ ...values, version: version + 1, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .execute();
  return r.length === 1;
}

/** A person's own assessment sheets, latest year first. */
export async function assessmentsOfPerson(s: Sql, personId: string) {
  const rows = await base(s).where('a.person_id', '=', personId).orderBy('a.year', 'desc').orderBy('o.name').execute();
  return rows.map(toRow);
}

/** The units with sheets still undecided in these years, by subject: what the daily reminder scan looks at. */
export async function undecidedAssessmentsByUnit(s: Sql, years: readonly number[]) {
  if (years.length === 0) return [];
  return qb(s)
    .selectFrom('assessment')
    .select(['unit_id', 'year', 'subject'])
    .select((eb) => eb.fn.countAll<string>().as('pending'))
    .where('year', 'in', [...years])
    .where('state', '!=', 'decided')
    .groupBy(['unit_id', 'year', 'subject'])
    .orderBy('unit_id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, pending: Number(r.pending) })));
}

/** The members of a unit's year who have not self-assessed yet. */
export async function membersNotSelfAssessed(s: Sql, unitId: string, year: number) {
  const rows = await qb(s)
    .selectFrom('assessment')
    .select('person_id')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('subject', '=', 'member')
    .where('state', '=', 'open')
    .execute();
  return rows.flatMap((r) => (r.person_id ? [r.person_id] : []));
}

/** The name of the unit whose year it is, as a reminder addresses it. */
export async function assessmentUnitName(s: Sql, unitId: string) {
  const r = await qb(s).selectFrom('organization').select('name').where('id', '=', unitId).executeTakeFirst();
  return r?.name ?? null;
}
