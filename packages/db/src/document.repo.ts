import type { Insertable, Selectable } from 'kysely';
import type { IssuedDocumentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, insertRow, validOn } from './query.helpers.js';

/**
 * The next number for (issuer, type, term), atomically: the upsert takes the counter row's lock, so two
 * transactions issuing at the same instant get consecutive numbers, never the same one.
 */
export async function nextDocumentNumber(
  tx: Sql,
  issuerOrgId: string,
  docType: string,
  termId: string,
): Promise<number> {
  const r = await qb(tx)
    .insertInto('document_counter')
    .values({ issuer_org_id: issuerOrgId, doc_type: docType, term_id: termId, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['issuer_org_id', 'doc_type', 'term_id'])
        .doUpdateSet((eb) => ({ last_number: eb('document_counter.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return r.last_number;
}

export type IssuedDocumentRow = Omit<Selectable<IssuedDocumentTable>, 'created_by' | 'created_at'>;

export const insertIssuedDocument = (tx: Sql, row: Insertable<IssuedDocumentTable>) =>
  insertRow(tx, 'issued_document', row);

/** The organization's term in force on a date (the latest begun, if two overlap). */
export async function termOn(s: Sql, orgId: string, on: string) {
  return qb(s)
    .selectFrom('term')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where(validOn('term', dateParam(on)))
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function termNameById(s: Sql, termId: string) {
  const r = await qb(s).selectFrom('term').select('name').where('id', '=', termId).executeTakeFirst();
  return r?.name;
}

/** An organization's issued documents up to a clearance, newest first. */
export async function listIssuedDocuments(s: Sql, orgId: string, clearance: number): Promise<IssuedDocumentRow[]> {
  return qb(s)
    .selectFrom('issued_document')
    .select(['id', 'org_id', 'term_id', 'doc_type', 'number', 'symbol', 'title', 'issued_on', 'confidentiality'])
    .where('org_id', '=', orgId)
    .where('confidentiality', '<=', clearance)
    .orderBy('issued_on', 'desc')
    .orderBy('doc_type')
    .orderBy('number', 'desc')
    .execute();
}
