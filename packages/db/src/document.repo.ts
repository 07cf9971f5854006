import type { Sql } from './db.types.js';

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
  const r = await tx.query<{ last_number: number }>(
    `insert into document_counter (issuer_org_id, doc_type, term_id, last_number) values ($1, $2, $3, 1)
     on conflict (issuer_org_id, doc_type, term_id) do update set last_number = document_counter.last_number + 1
     returning last_number`,
    [issuerOrgId, docType, termId],
  );
  return r.rows[0]!.last_number;
}

export interface IssuedDocumentRow {
  id: string;
  org_id: string;
  term_id: string;
  doc_type: string;
  number: number;
  symbol: string;
  title: string;
  issued_on: string;
  confidentiality: number;
}

export async function termOn(sql: Sql, orgId: string, on: string) {
  return (
    await sql.query<{ id: string; name: string }>(
      `select id, name from term where org_id = $1 and valid_from <= $2::date and (valid_until is null or valid_until >= $2::date) order by valid_from desc limit 1`,
      [orgId, on],
    )
  ).rows[0];
}

export async function listIssuedDocuments(sql: Sql, orgId: string, clearance: number) {
  return (
    await sql.query<IssuedDocumentRow>(
      'select * from issued_document where org_id = $1 and confidentiality <= $2 order by issued_on desc, doc_type, number desc',
      [orgId, clearance],
    )
  ).rows;
}
