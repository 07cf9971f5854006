import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** Tasks (`t`) with their supervising member (`p`, none when unnamed): what a worded task is read from. */
export const tasksWithSupervisor = (s: Sql) =>
  qb(s).selectFrom('task as t').leftJoin('person as p', 'p.id', 't.supervisor_person_id');
