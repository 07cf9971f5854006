import type { Selectable } from 'kysely';
import type { PortfolioAssignmentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { recordWrites } from './versioned-update.js';

/** A field of work assigned to a person (phân công phụ trách), possibly over a locality. */
export type PortfolioRow = Selectable<PortfolioAssignmentTable>;
const PORTFOLIO_COLUMNS = [
  'a.id',
  'a.org_id',
  'a.person_id',
  'a.body_id',
  'a.field',
  'a.locality_org_id',
  'a.valid_from',
  'a.valid_until',
  'a.version',
] as const;
/** The same columns unas an insert returns them. */
const PORTFOLIO_FIELDS = [
  'id',
  'org_id',
  'person_id',
  'body_id',
  'field',
  'locality_org_id',
  'valid_from',
  'valid_until',
  'version',
] as const;

/** A person's assignments, latest first, with the locality named. */
export async function portfolioOfPerson(s: Sql, personId: string) {
  return qb(s)
    .selectFrom('portfolio_assignment as a')
    .leftJoin('organization as l', 'l.id', 'a.locality_org_id')
    .select(PORTFOLIO_COLUMNS)
    .select(['l.code as l_code', 'l.name as l_name', 'l.kind as l_kind'])
    .where('a.person_id', '=', personId)
    .orderBy('a.valid_from', 'desc')
    .orderBy('a.field')
    .execute();
}
export async function getPortfolio(s: Sql, id: string): Promise<PortfolioRow | undefined> {
  return qb(s)
    .selectFrom('portfolio_assignment as a')
    .select(PORTFOLIO_COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

const writes = recordWrites<'portfolio_assignment', PortfolioRow>('portfolio_assignment', PORTFOLIO_FIELDS);
/** A new assignment; the row as read back. */
export const insertPortfolio = writes.insert;
/** Changes the assignment at the version the client read; undefined when that version is no longer current. */
export const updatePortfolioVersioned = writes.updateAtVersion;
