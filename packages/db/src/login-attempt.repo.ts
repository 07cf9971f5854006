import { type Selectable, sql } from 'kysely';
import type { LoginAttemptTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** Throttling state of one login key (username + address, the address alone, or an account's password). */
export type LoginAttemptRow = Selectable<LoginAttemptTable>;
const COLUMNS = ['key', 'failures', 'window_start', 'locked_until'] as const;

export async function getLoginAttempt(s: Sql, key: string): Promise<LoginAttemptRow | undefined> {
  return qb(s).selectFrom('login_attempt').select(COLUMNS).where('key', '=', key).executeTakeFirst();
}
export async function getLoginAttempts(s: Sql, keys: string[]): Promise<LoginAttemptRow[]> {
  return qb(s)
    .selectFrom('login_attempt')
    .select(COLUMNS)
    .where('key', '=', (eb) => eb.fn.any(sql<string[]>`${keys}::text[]`))
    .execute();
}

/** The keys among `keys` locked now, with the seconds left (the database's clock decides, for every server alike). */
export async function lockedLoginKeys(s: Sql, keys: string[]) {
  const { rows } = await sql<{
    key: string;
    wait: number;
  }>`select key, ceil(extract(epoch from locked_until - now()))::int as wait
      from login_attempt where key = any(${keys}::text[]) and locked_until > now()`.execute(qb(s));
  return rows;
}

/**
 * Counts one failure of `key` in one statement (two failures at once both count) and locks the key for `lockMin`
 * minutes once it has `maxFailures` within `windowMin` minutes; returns the failures in the window.
 */
export async function recordLoginFailure(
  s: Sql,
  key: string,
  rule: { maxFailures: number; windowMin: number; lockMin: number },
): Promise<number> {
  const max = sql`${rule.maxFailures}::int`;
  const inWindow = sql`a.window_start > now() - ${`${rule.windowMin} minutes`}::interval`;
  const lock = sql`now() + ${`${rule.lockMin} minutes`}::interval`;
  const { rows } = await sql<{
    failures: number;
  }>`insert into login_attempt as a (key, failures, window_start, locked_until)
       values (${key}, 1, now(), case when ${max} <= 1 then ${lock} end)
     on conflict (key) do update set
       failures = case when ${inWindow} then a.failures + 1 else 1 end,
       window_start = case when ${inWindow} then a.window_start else now() end,
       locked_until = case when (case when ${inWindow} then a.failures + 1 else 1 end) >= ${max}
                           then ${lock} else a.locked_until end
     returning failures`.execute(qb(s));
  return rows[0]!.failures;
}

export async function clearLoginFailures(s: Sql, key: string) {
  await qb(s).deleteFrom('login_attempt').where('key', '=', key).execute();
}
