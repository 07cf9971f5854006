import { documentSymbol, ProblemError } from '@quyche/core';
import type { z } from 'zod';
import type { IssueDocumentSchema } from '@quyche/core';
import { getOrganization, listIssuedDocuments, nextDocumentNumber, termOn, uuidv7 } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/** Issues a document number (R14): per issuer, type and term, consecutive even when requests race. */
export async function issueDocument(ctx: RequestContext, input: z.output<typeof IssueDocumentSchema>) {
  const org = await getOrganization(ctx.db, input.orgId);
  if (!org) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức ban hành' });
  await ctx.assertOrg(org.id, 'write', org.confidentiality);
  ctx.assertClearance(input.confidentiality ?? 0);
  if (!org.symbol) throw new ProblemError('RULE_VIOLATION', { code: 'THIEU_KY_HIEU_CO_QUAN', field: 'body.orgId', detail: `${org.name} chưa có ký hiệu cơ quan ban hành (ví dụ TU)` });
  const term = await termOn(ctx.db, org.id, input.issuedOn);
  if (!term) throw new ProblemError('RULE_VIOLATION', { code: 'KHONG_CO_NHIEM_KY', field: 'body.issuedOn', detail: `${org.name} không có khóa, nhiệm kỳ nào vào ngày ${input.issuedOn}` });
  return ctx.db.transaction(async (tx) => {
    const number = await nextDocumentNumber(tx, org.id, input.type, term.id);
    const symbol = documentSymbol(number, input.type, org.symbol!);
    const id = uuidv7();
    await tx.query(
      'insert into issued_document (id, org_id, term_id, doc_type, number, symbol, title, issued_on, confidentiality, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
      [id, org.id, term.id, input.type, number, symbol, input.title, input.issuedOn, input.confidentiality ?? 0, ctx.user.id],
    );
    const out = { id, orgId: org.id, termId: term.id, termName: term.name, type: input.type, number, symbol, title: input.title, issuedOn: input.issuedOn, confidentiality: input.confidentiality ?? 0 };
    await ctx.audit(tx, { action: 'create', entity: 'issued_document', entityId: id, orgId: org.id, after: out });
    return out;
  });
}

export async function listDocuments(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const terms = new Map<string, string>();
  const rows = await listIssuedDocuments(ctx.db, orgId, ctx.user.clearance);
  for (const r of rows) if (!terms.has(r.term_id)) terms.set(r.term_id, (await ctx.db.query<{ name: string }>('select name from term where id = $1', [r.term_id])).rows[0]?.name ?? '');
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, termId: r.term_id, termName: terms.get(r.term_id) ?? '', type: r.doc_type, number: r.number, symbol: r.symbol, title: r.title, issuedOn: r.issued_on, confidentiality: r.confidentiality }));
}
