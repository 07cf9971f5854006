import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The generations of sessions and grants (`auth`) and of the organization tree (`org`), counted by triggers. */
export async function cacheGenerations(s: Sql): Promise<{ auth: number; org: number }> {
  const rows = await qb(s).selectFrom('cache_generation').select(['name', 'n']).execute();
  return {
    auth: Number(rows.find((r) => r.name === 'auth')?.n ?? 0),
    org: Number(rows.find((r) => r.name === 'org')?.n ?? 0),
  };
}
