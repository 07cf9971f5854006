import { ProblemError } from '@quyche/core';
import { clearLoginFailures, lockedLoginKeys, recordLoginFailure } from '@quyche/db';
import type { Sql } from '@quyche/db';

export interface ThrottleRule {
  maxFailures: number;
  windowMin: number;
  lockMin: number;
}

/**
 * After `maxFailures` failures within `windowMin` minutes a key is locked for `lockMin` minutes. A username is
 * guessed from one address (username + address); many usernames are tried from one address (the address alone,
 * so that 60 usernames tried once each are slowed too); a stolen session guesses its owner's password (the account).
 */
export const THROTTLE = {
  user: { maxFailures: 5, windowMin: 15, lockMin: 5 },
  address: { maxFailures: 20, windowMin: 15, lockMin: 15 },
  password: { maxFailures: 5, windowMin: 15, lockMin: 15 },
} satisfies Record<string, ThrottleRule>;

export const userKey = (username: string, ip: string) => `${username.trim().toLowerCase()}|${ip}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const passwordKey = (userId: string) => `pw:${userId}`;

const wait = (seconds: number) => (seconds >= 60 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`);

/** 429 with Retry-After when any of the keys is locked; the database's clock decides, for every server alike. */
export async function assertNotLocked(sql: Sql, keys: { key: string; what: string }[]) {
  const locked = await lockedLoginKeys(
    sql,
    keys.map((k) => k.key),
  );
  if (locked.length === 0) return;
  const longest = locked.reduce((a, b) => (b.wait > a.wait ? b : a));
  const retryAfter = Math.max(1, longest.wait);
  const what = keys.find((k) => k.key === longest.key)!.what;
  throw new ProblemError('LOGIN_THROTTLED', {
    detail: `${what} nhập sai mật khẩu quá nhiều lần: vui lòng thử lại sau ${wait(retryAfter)}.`,
    retryAfter,
  });
}

/** Counts one failure in one statement (two failures at once both count); returns the failures in the window. */
export async function recordFailure(sql: Sql, key: string, rule: ThrottleRule): Promise<number> {
  return recordLoginFailure(sql, key, rule);
}

export async function clearFailures(sql: Sql, key: string) {
  await clearLoginFailures(sql, key);
}
