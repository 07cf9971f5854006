import type { Grant } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { AppUserTable, RoleGrantTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow } from './query.helpers.js';

/** An account as the server reads it (with its password hash: never shown, only verified). */
export type UserRow = Pick<
  Selectable<AppUserTable>,
  | 'id'
  | 'username'
  | 'password_hash'
  | 'display_name'
  | 'person_id'
  | 'clearance'
  | 'locale'
  | 'disabled'
  | 'must_change_password'
  | 'last_login_at'
  | 'version'
>;
export const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.password_hash',
  'u.display_name',
  'u.person_id',
  'u.clearance',
  'u.locale',
  'u.disabled',
  'u.must_change_password',
  'u.last_login_at',
  'u.version',
] as const;

export type UserGrant = Grant & { orgName: string };

const users = (s: Sql) => qb(s).selectFrom('app_user as u').select(USER_COLUMNS);

export async function findUserByUsername(s: Sql, username: string): Promise<UserRow | undefined> {
  return users(s).where('u.username', '=', username).executeTakeFirst();
}
export async function getUser(s: Sql, id: string): Promise<UserRow | undefined> {
  return users(s).where('u.id', '=', id).executeTakeFirst();
}
export async function grantsOf(s: Sql, userId: string): Promise<UserGrant[]> {
  return qb(s)
    .selectFrom('role_grant as g')
    .innerJoin('organization as o', 'o.id', 'g.org_id')
    .select(['g.role', 'g.org_id as orgId', 'o.name as orgName'])
    .$narrowType<{ role: Grant['role'] }>()
    .where('g.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** An account as the administrators' list shows it: grants with organization names, open sessions counted. */
export interface UserViewRow extends UserRow {
  active_sessions: number;
  grants: UserGrant[];
}
const userView = (s: Sql) =>
  users(s).select([
    sql<number>`(select count(*)::int from user_session s where s.user_id = u.id and s.expires_at > now())`.as(
      'active_sessions',
    ),
    sql<UserGrant[]>`coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgName', o.name)
      order by o.name, g.role)
       from role_grant g join organization o on o.id = g.org_id where g.user_id = u.id), '[]'::json)`.as('grants'),
  ]);

/** Accounts with a grant in one of the `visible` organizations (all accounts when null). */
export async function listUsers(s: Sql, visible: string[] | null): Promise<UserViewRow[]> {
  let q = userView(s);
  if (visible)
    q = q.where(
      sql<boolean>`exists (select 1 from role_grant g where g.user_id = u.id and g.org_id = any(${visible}::uuid[]))`,
    );
  return q.orderBy('u.username').execute();
}
export async function getUserView(s: Sql, id: string): Promise<UserViewRow | undefined> {
  return userView(s).where('u.id', '=', id).executeTakeFirst();
}
export async function countUsers(s: Sql): Promise<number> {
  const { n } = await qb(s)
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return n;
}

export const insertUser = (s: Sql, row: Insertable<AppUserTable>) => insertRow(s, 'app_user', row);
export const insertRoleGrant = (s: Sql, row: Insertable<RoleGrantTable>) => insertRow(s, 'role_grant', row);

/*
 * Account changes are plain writes to app_user and user_session, so that whatever caches sessions can be told by a
 * trigger on those tables; ending sessions deletes their rows (the next request of a deleted session finds none).
 */
export async function setUserDisabled(s: Sql, id: string, disabled: boolean) {
  await qb(s)
    .updateTable('app_user')
    .set((eb) => ({ disabled, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
export async function setPasswordHash(s: Sql, id: string, hash: string, mustChange: boolean) {
  await qb(s)
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: hash,
      must_change_password: mustChange,
      password_changed_at: sql`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}
/** Stamps a successful login. */
export async function setUserLastLogin(s: Sql, id: string) {
  await qb(s).updateTable('app_user').set({ last_login_at: sql`now()` }).where('id', '=', id).execute();
}
