import type { Sql } from './db.types.js';

export interface RegulationRow {
  id: string;
  org_id: string;
  work: string;
  title: string;
  confidentiality: number;
  version: number;
  created_at: Date;
}
export interface RegulationVersionRow {
  id: string;
  regulation_id: string;
  org_id: string;
  expression: string;
  status: string;
  source_text: string;
  sha256: string;
  parsed: unknown;
  adopted_on: string | null;
  in_force_from: string | null;
  created_at: Date;
}
export interface RegulationAmendmentRow {
  id: string;
  regulation_id: string;
  org_id: string;
  work: string;
  title: string | null;
  source_text: string;
  parsed: unknown;
  adopted_on: string;
  in_force_from: string;
  created_at: Date;
}

export async function getRegulation(sql: Sql, id: string) {
  return (await sql.query<RegulationRow>('select * from regulation where id = $1', [id])).rows[0];
}
export async function getRegulationByWork(sql: Sql, work: string) {
  return (await sql.query<RegulationRow>('select * from regulation where work = $1', [work])).rows[0];
}
export async function listRegulations(sql: Sql, visible: string[], clearance: number) {
  return (
    await sql.query<
      RegulationRow & {
        org_name: string;
        versions: number;
        latest_expression: string | null;
        latest_status: string | null;
      }
    >(
      `select r.*, o.name as org_name,
          (select count(*)::int from regulation_version v where v.regulation_id = r.id) as versions,
          (select v.expression from regulation_version v where v.regulation_id = r.id order by v.created_at desc limit 1) as latest_expression,
          (select v.status from regulation_version v where v.regulation_id = r.id order by v.created_at desc limit 1) as latest_status
         from regulation r join organization o on o.id = r.org_id
        where r.org_id = any($1::uuid[]) and r.confidentiality <= $2 order by o.name, r.title`,
      [visible, clearance],
    )
  ).rows;
}
export async function versionsOf(sql: Sql, regulationId: string) {
  return (
    await sql.query<Omit<RegulationVersionRow, 'source_text' | 'parsed'>>(
      'select id, regulation_id, org_id, expression, status, sha256, adopted_on, in_force_from, created_at from regulation_version where regulation_id = $1 order by in_force_from nulls last, created_at',
      [regulationId],
    )
  ).rows;
}
export async function getVersion(sql: Sql, id: string) {
  return (await sql.query<RegulationVersionRow>('select * from regulation_version where id = $1', [id])).rows[0];
}
/** The adopted version in force on a date: the latest whose in_force_from is on or before it. */
export async function versionInForce(sql: Sql, regulationId: string, on: string) {
  return (
    await sql.query<RegulationVersionRow>(
      `select * from regulation_version where regulation_id = $1 and status in ('adopted', 'consolidated') and in_force_from <= $2::date
        order by in_force_from desc, created_at desc limit 1`,
      [regulationId, on],
    )
  ).rows[0];
}
export async function amendmentsOf(sql: Sql, regulationId: string) {
  return (
    await sql.query<RegulationAmendmentRow>(
      'select * from regulation_amendment where regulation_id = $1 order by in_force_from, adopted_on',
      [regulationId],
    )
  ).rows;
}
