import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import type { Insertable } from 'kysely';
import type { DuesRemittanceTable } from './db.schema.js';
import { fromExcluded, insertRow, uuidList } from './query.helpers.js';

/** What the members declared for their dues (category, base, region of the minimum wage). */
export async function duesProfilesOf(s: Sql, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('party_member')
    .select(['person_id', 'dues_category', 'dues_region'])
    .select(sql<number | null>`dues_base::float8`.as('dues_base'))
    .where(sql<boolean>`person_id = any(${uuidList([...personIds])})`)
    .execute();
}

/** The dues recorded for these members in one month ('YYYY-MM'). */
export async function duesOfMonth(s: Sql, personIds: readonly string[], month: string) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('member_dues')
    .select(['person_id', 'status', 'paid_on', 'version'])
    .select(sql<number | null>`amount::float8`.as('amount'))
    .select(sql<number | null>`due_amount::float8`.as('due_amount'))
    .$narrowType<{ status: 'paid' | 'unpaid' | 'exempt' | 'deferred' }>()
    .where(sql<boolean>`person_id = any(${uuidList([...personIds])})`)
    .where('month', '=', month)
    .execute();
}

export interface DuesEntry {
  id: string;
  org_id: string;
  person_id: string;
  month: string;
  status: 'paid' | 'unpaid' | 'exempt' | 'deferred';
  amount: number | null;
  due_amount: number | null;
  paid_on: string | null;
  recorded_by: string;
}

/** Records a month's dues of members, replacing what was recorded for that month (the version goes up). */
export async function saveDues(s: Sql, rows: readonly DuesEntry[]) {
  if (rows.length === 0) return;
  await qb(s)
    .insertInto('member_dues')
    .values(rows.map((r) => ({ ...r })))
    .onConflict((oc) =>
      oc.columns(['person_id', 'month']).doUpdateSet({
        ...fromExcluded(['org_id', 'status', 'amount', 'due_amount', 'paid_on', 'recorded_by']),
        updated_at: sql`now()`,
        version: sql`member_dues.version + 1`,
      }),
    )
    .execute();
}

/** A cell's remittance of a month's dues upward, if recorded. */
export async function remittanceOf(s: Sql, orgId: string, month: string) {
  return qb(s)
    .selectFrom('dues_remittance as r')
    .leftJoin('organization as o', 'o.id', 'r.to_org_id')
    .select(['r.id', 'r.month', 'r.remitted_on', 'r.note', 'o.name as to_name'])
    .select(sql<number>`r.collected::float8`.as('collected'))
    .select(sql<number>`r.remitted::float8`.as('remitted'))
    .where('r.org_id', '=', orgId)
    .where('r.month', '=', month)
    .executeTakeFirst();
}

export const insertRemittance = (s: Sql, row: Insertable<DuesRemittanceTable>) => insertRow(s, 'dues_remittance', row);
