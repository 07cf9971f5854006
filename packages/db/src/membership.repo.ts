import { validityOf } from '@quyche/core';
import type { OrgSnapshot } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { MembershipTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** A position held in a body (membership), with the holder's name. */
export interface MembershipRow extends Omit<Selectable<MembershipTable>, 'role'> {
  role: OrgSnapshot['memberships'][number]['role'];
  full_name: string;
}
const MEMBERSHIP_COLUMNS = [
  'm.id',
  'm.org_id',
  'm.body_id',
  'm.person_id',
  'm.role',
  'm.title',
  'm.valid_from',
  'm.valid_until',
  'm.end_reason',
  'm.version',
  'p.full_name',
] as const;

export const toMembership = (m: MembershipRow) => ({
  id: m.id,
  bodyId: m.body_id,
  person: { id: m.person_id, fullName: m.full_name },
  role: m.role,
  title: m.title,
  ...validityOf(m),
  endReason: m.end_reason,
  version: m.version,
});

const memberships = (s: Sql) =>
  qb(s)
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(MEMBERSHIP_COLUMNS)
    .$narrowType<MembershipRow>();

/** The body's positions over time, by rank, then date, then name. */
export async function membershipsOfBody(s: Sql, bodyId: string): Promise<MembershipRow[]> {
  return memberships(s)
    .where('m.body_id', '=', bodyId)
    .orderBy(
      sql`array_position(array['BI_THU','PHO_BI_THU_TT','PHO_BI_THU','CHU_NHIEM','PHO_CHU_NHIEM','TRUONG_BAN',
        'PHO_TRUONG_BAN','UY_VIEN','CAN_BO'], m.role)`,
    )
    .orderBy('m.valid_from')
    .orderBy('p.full_name')
    .execute();
}
export async function getMembership(s: Sql, id: string): Promise<MembershipRow | undefined> {
  return memberships(s).where('m.id', '=', id).executeTakeFirst();
}

export async function insertMembership(s: Sql, row: Insertable<MembershipTable>) {
  await qb(s).insertInto('membership').values(row).execute();
}

/** A person's positions in every body, with the body and its organization (and both confidentialities). */
export async function positionsOfPerson(s: Sql, personId: string) {
  return qb(s)
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .innerJoin('organization as o', 'o.id', 'b.org_id')
    .select(['m.id', 'm.body_id', 'm.person_id', 'm.role', 'm.title', 'm.valid_from', 'm.valid_until'])
    .select(['m.end_reason', 'm.version', 'p.full_name', 'b.name as body_name', 'b.kind as body_kind'])
    .select(['o.id as org_id', 'o.name as org_name', 'o.confidentiality as org_conf', 'b.confidentiality as body_conf'])
    .where('m.person_id', '=', personId)
    .orderBy('m.valid_from', 'desc')
    .orderBy('b.name')
    .execute();
}
