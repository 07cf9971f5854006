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
export async function listUsers(sql: Sql, visible: string[] | null) {
  const users = (
    await sql.query<UserRow>(
      visible
        ? 'select u.* from app_user u where exists (select 1 from role_grant g where g.user_id = u.id and g.org_id = any($1::uuid[])) order by u.username'
        : 'select * from app_user order by username',
      visible ? [visible] : [],
    )
  ).rows;
  const grants = (await sql.query<{ user_id: string; role: Grant['role']; org_id: string }>('select user_id, role, org_id from role_grant')).rows;
  return users.map((u) => ({ ...u, grants: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role, orgId: g.org_id })) }));
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

/** Throttling state of one login key (username + address). */
export async function getLoginAttempt(sql: Sql, key: string) {
  return (await sql.query<{ key: string; failures: number; window_start: Date; locked_until: Date | null }>('select * from login_attempt where key = $1', [key])).rows[0];
}

/** Session, user and grants in one round trip: this runs on every request. */
export async function sessionUser(sql: Sql, sessionId: string) {
  return (
    await sql.query<UserRow & { session_id: string; csrf_token: string; expires_at: Date | string; grants: (Grant & { orgName: string })[] | null }>(
      `select u.*, s.id as session_id, s.csrf_token, s.expires_at,
         (select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name) order by o.name)
            from role_grant g join organization o on o.id = g.org_id where g.user_id = u.id) as grants
         from user_session s join app_user u on u.id = s.user_id
        where s.id = $1 and s.expires_at > now() and not u.disabled`,
      [sessionId],
    )
  ).rows[0];
}
