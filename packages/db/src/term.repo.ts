import { validityOf } from '@quyche/core';
import type { Insertable, Selectable } from 'kysely';
import type { TermTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** A term of office (khóa, nhiệm kỳ) of an organization. */
export type TermRow = Selectable<TermTable>;
const TERM_COLUMNS = [
  'id',
  'org_id',
  'name',
  'ordinal',
  'valid_from',
  'valid_until',
  'congress_closed_on',
  'version',
] as const;

export const toTerm = (t: TermRow) => ({
  id: t.id,
  orgId: t.org_id,
  name: t.name,
  ordinal: t.ordinal,
  ...validityOf(t),
  congressClosedOn: t.congress_closed_on,
  version: t.version,
});

export async function termsOf(s: Sql, orgId: string): Promise<TermRow[]> {
  return qb(s).selectFrom('term').select(TERM_COLUMNS).where('org_id', '=', orgId).orderBy('valid_from').execute();
}

/** The organization a term belongs to (undefined: no such term). */
export async function termOrgId(s: Sql, id: string): Promise<string | undefined> {
  return (await qb(s).selectFrom('term').select('org_id').where('id', '=', id).executeTakeFirst())?.org_id;
}

/** A new term; the row as read back. */
export async function insertTerm(s: Sql, row: Insertable<TermTable>): Promise<TermRow> {
  return qb(s).insertInto('term').values(row).returning(TERM_COLUMNS).executeTakeFirstOrThrow();
}
