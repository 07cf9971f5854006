import type { Db } from './db.types.js';

/**
 * PGlite has no autovacuum, so nothing gathers the planner's statistics: without them it guesses three rows for
 * a meeting's hundred and picks plans accordingly. Run at start and nightly; PostgreSQL gathers its own.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (db.driver === 'pglite') await db.query('analyze');
}
