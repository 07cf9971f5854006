import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { uuidList } from './query.helpers.js';

/** Meetings (`m`) with their body (`b`): what every list of meetings starts from. */
export const meetingsWithBody = (s: Sql) =>
  qb(s).selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id');

/** The meetings (`mt`) of these cells' assemblies (`b`, body kind CHI_BO): what the cells' pages list and count. */
export const cellAssemblyMeetingsOf = (s: Sql, cellIds: readonly string[]) =>
  qb(s)
    .selectFrom('meeting as mt')
    .innerJoin('body as b', 'b.id', 'mt.body_id')
    .where(sql<boolean>`mt.org_id = any(${uuidList(cellIds)})`)
    .where('b.kind', '=', 'CHI_BO');

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
