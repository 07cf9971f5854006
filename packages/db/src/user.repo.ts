import type { Grant } from '@quyche/core';
import type { Sql } from './db.types.js';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  person_id: string | null;
  clearance: number;
  locale: string;
  disabled: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  version: number;
}

export async function findUserByUsername(sql: Sql, username: string) {
  return (await sql.query<UserRow>('select * from app_user where username = $1', [username])).rows[0];
}
export async function getUser(sql: Sql, id: string) {
  return (await sql.query<UserRow>('select * from app_user where id = $1', [id])).rows[0];
}
export async function grantsOf(sql: Sql, userId: string) {
  return (
    await sql.query<Grant & { orgName: string }>(
      'select g.role, g.org_id as "orgId", o.name as "orgName" from role_grant g join organization o on o.id = g.org_id where g.user_id = $1 order by o.name',
      [userId],
    )
  ).rows;
}
/** An account as the administrators' list shows it: grants with organization names, open sessions counted. */
export interface UserViewRow extends UserRow {
  active_sessions: number;
  grants: (Grant & { orgName: string })[];
}

const USER_VIEW = `select u.*,
    (select count(*)::int from user_session s where s.user_id = u.id and s.expires_at > now()) as active_sessions,
    coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name) order by o.name, g.role)
       from role_grant g join organization o on o.id = g.org_id where g.user_id = u.id), '[]'::json) as grants
  from app_user u`;

/** Accounts with a grant in one of the `visible` organizations (all accounts when null). */
export async function listUsers(sql: Sql, visible: string[] | null) {
  return (
    await sql.query<UserViewRow>(
      visible
        ? `${USER_VIEW} where exists (select 1 from role_grant g where g.user_id = u.id and g.org_id = any($1::uuid[])) order by u.username`
        : `${USER_VIEW} order by u.username`,
      visible ? [visible] : [],
    )
  ).rows;
}
export async function getUserView(sql: Sql, id: string) {
  return (await sql.query<UserViewRow>(`${USER_VIEW} where u.id = $1`, [id])).rows[0];
}
export async function countUsers(sql: Sql): Promise<number> {
  return (await sql.query<{ n: number }>('select count(*)::int as n from app_user')).rows[0]!.n;
}

/*
 * Account changes are plain writes to app_user and user_session, so that whatever caches sessions can be told by a
 * trigger on those tables; ending sessions deletes their rows (the next request of a deleted session finds none).
 */
export async function setUserDisabled(sql: Sql, id: string, disabled: boolean) {
  await sql.query('update app_user set disabled = $2, version = version + 1 where id = $1', [id, disabled]);
}
export async function setPasswordHash(sql: Sql, id: string, hash: string, mustChange: boolean) {
  await sql.query(
    'update app_user set password_hash = $2, must_change_password = $3, password_changed_at = now(), version = version + 1 where id = $1',
    [id, hash, mustChange],
  );
}
/** Deletes the user's sessions (all, or all but `keep`); returns how many were open. */
export async function deleteSessions(sql: Sql, userId: string, keep: string | null = null): Promise<number> {
  const r = await sql.query<{ expires_at: Date }>(
    'delete from user_session where user_id = $1 and ($2::text is null or id <> $2) returning expires_at',
    [userId, keep],
  );
  return r.rows.filter((s) => new Date(s.expires_at).getTime() > Date.now()).length;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
}
export async function getSession(sql: Sql, id: string) {
  return (await sql.query<SessionRow>('select * from user_session where id = $1 and expires_at > now()', [id])).rows[0];
}

export interface LoginAttemptRow {
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
}
/** Throttling state of one login key (username + address, or the address alone). */
export async function getLoginAttempt(sql: Sql, key: string) {
  return (await sql.query<LoginAttemptRow>('select * from login_attempt where key = $1', [key])).rows[0];
}
export async function getLoginAttempts(sql: Sql, keys: string[]) {
  return (await sql.query<LoginAttemptRow>('select * from login_attempt where key = any($1::text[])', [keys])).rows;
}

/** Session, user and grants in one round trip: this runs on every request. */
export async function sessionUser(sql: Sql, sessionId: string) {
  return (
    await sql.query<
      UserRow & {
        session_id: string;
        csrf_token: string;
        expires_at: Date | string;
        grants: (Grant & { orgName: string })[] | null;
      }
    >(
      `select u.*, s.id as session_id, s.csrf_token, s.expires_at,
         (select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name) order by o.name)
            from role_grant g join organization o on o.id = g.org_id where g.user_id = u.id) as grants
         from user_session s join app_user u on u.id = s.user_id
        where s.id = $1 and s.expires_at > now() and not u.disabled`,
      [sessionId],
    )
  ).rows[0];
}
