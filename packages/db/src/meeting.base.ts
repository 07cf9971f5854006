import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** Meetings (`m`) with their body (`b`): what every list of meetings starts from. */
export const meetingsWithBody = (s: Sql) =>
  qb(s).selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id');

/** The columns that name a meeting in a list: its body, kind, state, title and date; a list adds what it shows. */
export const MEETING_HEADING_COLUMNS = [
  'm.id',
  'm.body_id',
  'b.kind as body_kind',
  'b.name as body_name',
  'm.kind',
  'm.state',
  'm.title',
  'm.meeting_date',
] as const;
