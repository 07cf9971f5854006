import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** Organizations at the top of the tree (no parent at any time): the whole database hangs under them. */
export async function rootOrganizations(s: Sql): Promise<string[]> {
  const rows = await qb(s)
    .selectFrom('organization as o')
    .select('o.id')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('organization_parent as p').select('p.org_id').whereRef('p.org_id', '=', 'o.id'))),
    )
    .orderBy('o.id')
    .execute();
  return rows.map((r) => r.id);
}
