import { type Insertable, sql } from 'kysely';
import type { OrganizationSuccessionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { fromExcluded, uuidList } from './query.helpers.js';

/** The dated records a reorganization ends. */
export type ClosableTable = 'membership' | 'party_membership' | 'body' | 'organization_parent' | 'organization';

/** Ends the record `id` of `table` on `until`. */
export async function reorganizationCloseRecord(s: Sql, table: ClosableTable, id: string, until: string) {
  await sql`update ${sql.table(table)} set valid_until = ${until}, version = version + 1 where id = ${id}`.execute(
    qb(s),
  );
}

/** Records why the positions `ids` ended. */
export async function setMembershipEndReason(s: Sql, ids: string[], reason: string) {
  await qb(s)
    .updateTable('membership')
    .set({ end_reason: reason })
    .where('id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
}

/** Records that `predecessor_id` was succeeded by `successor_id`; a second record of the pair replaces the first. */
export async function upsertOrganizationSuccession(s: Sql, row: Insertable<OrganizationSuccessionTable>) {
  await qb(s)
    .insertInto('organization_succession')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['predecessor_id', 'successor_id'])
        .doUpdateSet(fromExcluded(['kind', 'effective_on', 'decision_ref'])),
    )
    .execute();
}

/** Open tasks (not yet done or closed) led by one of the organizations `orgIds`. */
export async function reorganizationOpenTasks(s: Sql, orgIds: string[]) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'org_id', 'lead_kind', 'lead_id', 'lead_name', 'lead_org_id'])
    .where('lead_org_id', '=', (eb) => eb.fn.any(uuidList(orgIds)))
    .where('state', 'in', ['draft', 'assigned', 'in_progress', 'reported'])
    .orderBy('id')
    .execute();
}

/** Hands the task's lead to another organization (and lead). */
export async function reorganizationMoveTask(
  s: Sql,
  id: string,
  lead: { lead_org_id: string; lead_id: string | null; lead_name: string | null },
) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({ ...lead, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id)
    .execute();
}
