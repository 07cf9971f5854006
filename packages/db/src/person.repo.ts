import { foldVietnamese } from '@quyche/core';
import type { Person } from '@quyche/core';
import { type Selectable, sql } from 'kysely';
import type { PersonTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { recordWrites } from './versioned-update.js';
import type { ListRequest } from './query.helpers.js';
import { dateParam, listedFor, pageOf, validOn } from './query.helpers.js';

/** A person as the services read it (the e-mail address is read only by the mailer, the search text never). */
export interface PersonRow extends Omit<Selectable<PersonTable>, 'gender' | 'search_text' | 'email'> {
  gender: 'nam' | 'nu' | null;
}
const PERSON_COLUMNS = [
  'p.id',
  'p.org_id',
  'p.code',
  'p.full_name',
  'p.gender',
  'p.birth_year',
  'p.confidentiality',
  'p.version',
] as const;
/** The same columns unas an insert returns them. */
const PERSON_FIELDS = [
  'id',
  'org_id',
  'code',
  'full_name',
  'gender',
  'birth_year',
  'confidentiality',
  'version',
] as const;

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  fullName: r.full_name,
  gender: r.gender,
  birthYear: r.birth_year,
  confidentiality: r.confidentiality,
  version: r.version,
});

export function personSearchText(fullName: string, code?: string | null): string {
  return foldVietnamese(`${fullName} ${code ?? ''}`);
}

export async function getPerson(s: Sql, id: string): Promise<PersonRow | undefined> {
  return qb(s)
    .selectFrom('person as p')
    .select(PERSON_COLUMNS)
    .$narrowType<PersonRow>()
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function listPeople(
  s: Sql,
  o: ListRequest & { orgId?: string | undefined },
): Promise<{ rows: PersonRow[]; total: number }> {
  let where = qb(s)
    .selectFrom('person as p')
    .where(listedFor('p', 'p.org_id', o));
  if (o.orgId) where = where.where('p.org_id', '=', o.orgId);
  return pageOf(where, o, (q) => q.select(PERSON_COLUMNS).$narrowType<PersonRow>().orderBy('p.full_name'));
}

const writes = recordWrites<'person', PersonRow>('person', PERSON_FIELDS);
/** A new person; the row as read back. */
export const insertPerson = writes.insert;
/** Changes the person at the version the client read; undefined when that version is no longer current. */
export const updatePersonVersioned = writes.updateAtVersion;

/** Diacritic-insensitive search: every folded word of the query must occur in the folded text. */
export async function searchPeople(
  s: Sql,
  o: { visible: string[] | null; q: string; asOf: string; clearance: number; limit: number },
) {
  return qb(s)
    .selectFrom('person as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.full_name', 'o.name as org_name'])
    .select(
      sql<string[] | null>`(select array_agg(coalesce(m.title, m.role) || ' — ' || b.name order by b.name)
          from membership m join body b on b.id = m.body_id
         where m.person_id = p.id and ${validOn('m', dateParam(o.asOf))})`.as('positions'),
    )
    .where(listedFor('p', 'p.org_id', o))
    .orderBy('p.full_name')
    .limit(o.limit)
    .execute();
}
