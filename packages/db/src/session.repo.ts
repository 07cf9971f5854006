import type { Grant } from '@quyche/core';
import { type Selectable, sql } from 'kysely';
import type { UserSessionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { USER_COLUMNS } from './user.repo.js';

/*
 * Sessions: the row's id is the hash of the cookie's token. Ending a session deletes its row, so that the caches
 * told by the trigger on user_session find it gone.
 */

export type SessionRow = Pick<Selectable<UserSessionTable>, 'id' | 'user_id' | 'csrf_token' | 'expires_at'>;

export async function getSession(s: Sql, id: string): Promise<SessionRow | undefined> {
  return qb(s)
    .selectFrom('user_session')
    .select(['id', 'user_id', 'csrf_token', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Opens a session for `hours` from now (the database's clock). */
export async function insertSession(s: Sql, row: { id: string; user_id: string; csrf_token: string }, hours: number) {
  await qb(s)
    .insertInto('user_session')
    .values({ ...row, expires_at: sql<Date>`now() + make_interval(hours => ${hours})` })
    .execute();
}
export async function deleteSession(s: Sql, id: string) {
  await qb(s).deleteFrom('user_session').where('id', '=', id).execute();
}
export async function deleteExpiredSessions(s: Sql) {
  await qb(s).deleteFrom('user_session').where('expires_at', '<', sql<Date>`now()`).execute();
}

/** Deletes the user's sessions (all, or all but `keep`); returns how many were open. */
export async function deleteSessions(s: Sql, userId: string, keep: string | null = null): Promise<number> {
  let q = qb(s).deleteFrom('user_session').where('user_id', '=', userId);
  if (keep !== null) q = q.where('id', '<>', keep);
  const rows = await q.returning('expires_at').execute();
  return rows.filter((r) => new Date(r.expires_at).getTime() > Date.now()).length;
}

/** Session, user and grants in one round trip: this runs on every request. */
export async function sessionUser(s: Sql, sessionId: string) {
  return qb(s)
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(USER_COLUMNS)
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at'])
    .select(
      sql<
        (Grant & { orgName: string })[] | null
      >`(select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name) order by o.name)
            from role_grant g join organization o on o.id = g.org_id where g.user_id = u.id)`.as('grants'),
    )
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}
