import { randomBytes } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import type { PartyMemberTable, PartyMembershipTable, PersonTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { cellMembershipsOn } from './member.query.js';
import { uuidList } from './query.helpers.js';

/** The installation's key for hashing citizen IDs, made on first use (two first uses agree: the row is kept once). */
export async function memberIdKey(s: Sql): Promise<string> {
  await qb(s)
    .insertInto('member_id_key')
    .values({ id: 1, key: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const r = await qb(s).selectFrom('member_id_key').select('key').where('id', '=', 1).executeTakeFirstOrThrow();
  return r.key;
}

/** The members already in the register under these citizen ID hashes, with their cell. */
export async function membersByCitizenHash(s: Sql, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return qb(s)
    .selectFrom('party_member as m')
    .innerJoin('organization as o', 'o.id', 'm.org_id')
    .select(['m.person_id', 'm.citizen_id_hash', 'o.name as cell_name'])
    .$narrowType<{ citizen_id_hash: string }>()
    .where(sql<boolean>`m.citizen_id_hash = any(${sql`${hashes}::text[]`})`)
    .execute();
}

/** Rows of the three tables a member is written to, inserted in batches (a sheet of ten thousand in a few). */
export async function insertMembers(
  s: Sql,
  rows: {
    person: Insertable<PersonTable>;
    member: Insertable<PartyMemberTable>;
    memberships: Insertable<PartyMembershipTable>[];
  }[],
) {
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await qb(s)
      .insertInto('person')
      .values(part.map((r) => r.person))
      .execute();
    await qb(s)
      .insertInto('party_member')
      .values(part.map((r) => r.member))
      .execute();
    await qb(s)
      .insertInto('party_membership')
      .values(part.flatMap((r) => r.memberships))
      .execute();
  }
}

/** A member's record: the person, the member's own record and every membership with its cell, oldest first. */
export async function memberFile(s: Sql, personId: string) {
  const person = await qb(s)
    .selectFrom('person as p')
    .leftJoin('party_member as m', 'm.person_id', 'p.id')
    .select(['p.id', 'p.full_name', 'p.gender', 'p.birth_year', 'p.confidentiality', 'p.org_id as person_org_id'])
    .select(['m.org_id', 'm.card_number', 'm.citizen_id_tail', 'm.left_on', 'm.left_reason', 'm.version'])
    .select([
      sql<string | null>`to_char(m.admitted_on, 'YYYY-MM-DD')`.as('admitted_on'),
      sql<string | null>`to_char(m.official_on, 'YYYY-MM-DD')`.as('official_on'),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const memberships = await qb(s)
    .selectFrom('party_membership as pm')
    .innerJoin('organization as o', 'o.id', 'pm.org_id')
    .select(['pm.id', 'pm.org_id', 'o.name as org_name', 'pm.status', 'pm.kind', 'pm.end_reason', 'pm.version'])
    .select([
      sql<string>`to_char(pm.valid_from, 'YYYY-MM-DD')`.as('valid_from'),
      sql<string | null>`to_char(pm.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
    ])
    .where('pm.person_id', '=', personId)
    .orderBy('pm.valid_from')
    .orderBy('pm.kind')
    .execute();
  return { person, memberships };
}

/** Ends a membership the day before `on` (a transfer), with its reason. */
export async function endMembership(s: Sql, id: string, until: string, reason: string) {
  await qb(s)
    .updateTable('party_membership')
    .set({ valid_until: until, end_reason: reason, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The member's home cell moves (a permanent transfer): the member's own record follows it. */
export async function moveMemberRecord(s: Sql, personId: string, cellId: string) {
  await qb(s)
    .updateTable('party_member')
    .set({ org_id: cellId, version: sql`version + 1` })
    .where('person_id', '=', personId)
    .execute();
}

/** The members of cells on a date, for the register page: names, status, card and masked citizen ID. */
export async function cellRegisterOn(s: Sql, cellIds: readonly string[], on: string) {
  if (cellIds.length === 0) return [];
  return cellMembershipsOn(s, cellIds, on)
    .select(['pm.person_id', 'pm.org_id', 'pm.status', 'pm.kind', 'p.full_name', 'm.card_number'])
    .select('m.citizen_id_tail')
    .select(sql<string | null>`to_char(m.admitted_on, 'YYYY-MM-DD')`.as('admitted_on'))
    .orderBy('p.full_name')
    .execute();
}

/** Memberships that follow the member to another cell (the official period after a transfer while probationary). */
export async function moveMemberships(s: Sql, ids: readonly string[], cellId: string) {
  if (ids.length === 0) return;
  await qb(s)
    .updateTable('party_membership')
    .set({ org_id: cellId, version: sql`version + 1` })
    .where(sql<boolean>`id = any(${uuidList(ids)})`)
    .execute();
}
