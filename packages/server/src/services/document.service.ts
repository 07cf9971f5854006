import { documentSymbol, formatDateVi, ProblemError, ruleViolation } from '@quyche/core';
import type { z } from 'zod';
import type { IssueDocumentSchema } from '@quyche/core';
import {
  getOrganization,
  insertIssuedDocument,
  listIssuedDocuments,
  nextDocumentNumber,
  termNameById,
  termOn,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/** The issuer and its term on the date: a number is only given by an organization with a symbol, within a term. */
export async function issuerOn(ctx: RequestContext, orgId: string, issuedOn: string, field = 'body.orgId') {
  const org = await getOrganization(ctx.db, orgId);
  if (!org) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức ban hành' });
  await ctx.assertOrg(org.id, 'write', org.confidentiality);
  if (!org.symbol)
    throw ruleViolation('THIEU_KY_HIEU_CO_QUAN', `${org.name} chưa có ký hiệu cơ quan ban hành (ví dụ TU)`, field);
  const term = await termOn(ctx.db, org.id, issuedOn);
  if (!term)
    throw ruleViolation(
      'KHONG_CO_NHIEM_KY',
      `${org.name} không có khóa, nhiệm kỳ nào vào ngày ${formatDateVi(issuedOn)}`,
      'body.issuedOn',
    );
  return { org: { id: org.id, symbol: org.symbol, name: org.name }, term };
}

/**
 * Numbers and records a document inside the caller's transaction (R14): per issuer, type and term, consecutive even
 * when requests race (the counter row is locked until the transaction ends).
 */
export async function numberDocument(
  ctx: RequestContext,
  tx: Sql,
  d: {
    org: { id: string; symbol: string };
    term: { id: string; name: string };
    type: string;
    title: string;
    issuedOn: string;
    confidentiality: number;
  },
) {
  const number = await nextDocumentNumber(tx, d.org.id, d.type, d.term.id);
  const symbol = documentSymbol(number, d.type, d.org.symbol);
  const id = uuidv7();
  await insertIssuedDocument(tx, {
    id,
    org_id: d.org.id,
    term_id: d.term.id,
    doc_type: d.type,
    number,
    symbol,
    title: d.title,
    issued_on: d.issuedOn,
    confidentiality: d.confidentiality,
    created_by: ctx.user.id,
  });
  return {
    id,
    orgId: d.org.id,
    termId: d.term.id,
    termName: d.term.name,
    type: d.type,
    number,
    symbol,
    title: d.title,
    issuedOn: d.issuedOn,
    confidentiality: d.confidentiality,
  };
}

/** Issues a document number (R14). */
export async function issueDocument(ctx: RequestContext, input: z.output<typeof IssueDocumentSchema>) {
  const { org, term } = await issuerOn(ctx, input.orgId, input.issuedOn);
  ctx.assertClearance(input.confidentiality ?? 0);
  return ctx.db.transaction(async (tx) => {
    const out = await numberDocument(ctx, tx, {
      org,
      term,
      type: input.type,
      title: input.title,
      issuedOn: input.issuedOn,
      confidentiality: input.confidentiality ?? 0,
    });
    await ctx.auditChange(tx, 'create', ['issued_document', out.id, org.id], { after: out });
    return out;
  });
}

export async function listDocuments(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const terms = new Map<string, string>();
  const rows = await listIssuedDocuments(ctx.db, orgId, ctx.user.clearance);
  for (const r of rows) if (!terms.has(r.term_id)) terms.set(r.term_id, (await termNameById(ctx.db, r.term_id)) ?? '');
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    termId: r.term_id,
    termName: terms.get(r.term_id) ?? '',
    type: r.doc_type,
    number: r.number,
    symbol: r.symbol,
    title: r.title,
    issuedOn: r.issued_on,
    confidentiality: r.confidentiality,
  }));
}
