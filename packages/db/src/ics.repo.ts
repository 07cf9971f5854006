import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The private token of an account's calendar feeds: only its hash is kept. */

export async function setUserIcsToken(tx: Sql, userId: string, tokenHash: string) {
  await qb(tx).updateTable('app_user').set({ ics_token: tokenHash }).where('id', '=', userId).execute();
}

/** The enabled account a feed token's hash belongs to. */
export async function userByIcsToken(s: Sql, tokenHash: string) {
  return qb(s)
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'person_id', 'clearance', 'locale'])
    .where('ics_token', '=', tokenHash)
    .where('disabled', '=', false)
    .executeTakeFirst();
}
