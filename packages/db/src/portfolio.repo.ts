import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PortfolioAssignmentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { updateColumnsAtVersion } from './versioned-update.js';

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
/** The same columns unqualified, as an insert returns them. */
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

/** A new assignment; the row as read back. */
export async function insertPortfolio(s: Sql, row: Insertable<PortfolioAssignmentTable>): Promise<PortfolioRow> {
  return qb(s).insertInto('portfolio_assignment').values(row).returning(PORTFOLIO_FIELDS).executeTakeFirstOrThrow();
}

/** Changes the assignment at the version the client read; undefined when that version is no longer current. */
export const updatePortfolioVersioned = (
  s: Sql,
  id: string,
  version: number,
  changes: Updateable<PortfolioAssignmentTable>,
) =>
  updateColumnsAtVersion<'portfolio_assignment', PortfolioRow>(
    s,
    'portfolio_assignment',
    id,
    version,
    changes,
    PORTFOLIO_FIELDS,
  );
