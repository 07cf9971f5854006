import type { Insertable, Updateable } from 'kysely';
import type { AgendaItemTable, RegulationVersionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow } from './query.helpers.js';

/** The expressions a regulation's versions already use (a next version takes a new one). */
export async function consultationTakenExpressions(s: Sql, regulationId: string) {
  const rows = await qb(s)
    .selectFrom('regulation_version')
    .select('expression')
    .where('regulation_id', '=', regulationId)
    .execute();
  return rows.map((r) => r.expression);
}

/** A regulation's consolidated text (the demo drafts its amendment from it). */
export async function consultationConsolidatedText(s: Sql, regulationId: string) {
  const row = await qb(s)
    .selectFrom('regulation_version')
    .select('source_text')
    .where('regulation_id', '=', regulationId)
    .where('status', '=', 'consolidated')
    .executeTakeFirst();
  return row?.source_text;
}

/** The next version of a draft after consultation (bản chỉnh lý), as a draft version of the regulation. */
export const insertConsultationRevision = (s: Sql, row: Insertable<RegulationVersionTable>) =>
  insertRow(s, 'regulation_version', row);

/** The next version adopted: its status, dates and the text carrying them. */
export async function adoptConsultationRevision(
  s: Sql,
  versionId: string,
  fields: Pick<
    Updateable<RegulationVersionTable>,
    'adopted_on' | 'in_force_from' | 'source_text' | 'sha256' | 'parsed'
  >,
) {
  await qb(s)
    .updateTable('regulation_version')
    .set({ status: 'adopted', ...fields })
    .where('id', '=', versionId)
    .execute();
}

export const insertConsultationAgendaItem = (s: Sql, row: Insertable<AgendaItemTable>) =>
  insertRow(s, 'agenda_item', row);
