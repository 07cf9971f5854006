import { documentDraft, documentParagraphs, ProblemError, parseRegulation } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import {
  consultationBodyOrgs,
  consultationById,
  getVersion,
  listConsultationComments,
  listConsultationRecipients,
} from '@quyche/db';
import type { ConsultationRecipientRow, ConsultationRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/** The matter of adopting or amending a working regulation: the engine says which body decides it. */
export const ADOPTION_MATTER = 'QUY_CHE_LAM_VIEC';

const parsed = new Map<string, Regulation>();
/** A version's parsed text (versions are immutable once circulated: cached by id). */
export async function versionRegulation(
  sql: Sql,
  versionId: string,
): Promise<{ reg: Regulation; expression: string; text: string }> {
  const v = await getVersion(sql, versionId);
  if (!v) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy phiên bản dự thảo' });
  let reg = parsed.get(`${v.id}:${v.sha256}`);
  if (!reg) {
    const r = parseRegulation(v.source_text);
    if (!r.ok)
      throw new ProblemError('RULE_VIOLATION', {
        code: 'DU_THAO_LOI',
        detail: `Dự thảo không đọc được: dòng ${r.error.line}: ${r.error.message}`,
      });
    reg = r.regulation;
    if (parsed.size > 100) parsed.clear();
    parsed.set(`${v.id}:${v.sha256}`, reg);
  }
  return { reg, expression: v.expression, text: v.source_text };
}

/**
 * The draft circulated (or the next one) as the structure comments sit in:
 * a regulation's version, or a document's paragraphs.
 */
export async function draftOf(
  sql: Sql,
  c: Pick<
    ConsultationRow,
    'version_id' | 'next_version_id' | 'document_title' | 'document_text' | 'next_document_text' | 'title'
  >,
  which: 'circulated' | 'next' = 'circulated',
) {
  if (c.document_text !== null) {
    const text = which === 'next' ? c.next_document_text : c.document_text;
    if (text === null) throw new ProblemError('NOT_FOUND', { detail: 'Chưa có bản chỉnh lý' });
    return {
      reg: documentDraft(c.document_title ?? c.title, documentParagraphs(text)),
      expression: which === 'next' ? 'Bản chỉnh lý' : 'Dự thảo gửi lấy ý kiến',
      text,
    };
  }
  const vid = which === 'next' ? c.next_version_id : c.version_id;
  if (!vid) throw new ProblemError('NOT_FOUND', { detail: 'Chưa có bản chỉnh lý' });
  return versionRegulation(sql, vid);
}

/** Who the signed-in user answers for: recipients of their organizations (write), or themselves. */
async function answersFor(ctx: RequestContext, rs: ConsultationRecipientRow[]): Promise<Set<string>> {
  const mine = new Set<string>();
  const writable = new Set(await ctx.coveredOrgs('write'));
  const bodyOrgs = new Map<string, string>();
  const bodies = rs.filter((r) => r.recipient_body_id).map((r) => r.recipient_body_id!);
  if (bodies.length) for (const b of await consultationBodyOrgs(ctx.db, bodies)) bodyOrgs.set(b.id, b.org_id);
  for (const r of rs) {
    if (r.recipient_org_id && writable.has(r.recipient_org_id)) mine.add(r.id);
    else if (r.recipient_body_id && writable.has(bodyOrgs.get(r.recipient_body_id) ?? '')) mine.add(r.id);
    else if (r.person_id && r.person_id === ctx.user.personId) mine.add(r.id);
  }
  return mine;
}

/**
 * A consultation and what the user may do with it: those of the consulting organization read it all and manage it
 * when they may write there; a recipient's users read the draft and answer, seeing only their own comments.
 */
export async function loadConsultation(ctx: RequestContext, id: string, need: 'read' | 'manage' = 'read') {
  const c = await consultationById(ctx.db, id);
  if (!c) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy đợt lấy ý kiến' });
  ctx.assertClearance(c.confidentiality);
  const recipients = await listConsultationRecipients(ctx.db, id);
  const manage = await ctx.can(c.org_id, 'write', c.confidentiality);
  const readAll = manage || (await ctx.can(c.org_id, 'read', c.confidentiality));
  const mine = await answersFor(ctx, recipients);
  if (need === 'manage' && !manage) {
    if (!readAll && mine.size === 0) await ctx.assertOrg(c.org_id, 'read', c.confidentiality);
    throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến mới xử lý được đợt lấy ý kiến này' });
  }
  // Neither of the consulting organization nor a recipient: refused as any record out of scope.
  if (!readAll && mine.size === 0) await ctx.assertOrg(c.org_id, 'read', c.confidentiality);
  return { c, recipients, manage, readAll, mine };
}

/** A consultation as loaded, with all its comments (the revision, the synthesis and the submission read them all). */
export async function loadConsultationWithComments(ctx: RequestContext, id: string) {
  const { c, recipients, manage, readAll, mine } = await loadConsultation(ctx, id);
  const comments = await listConsultationComments(ctx.db, id);
  return { c, recipients, comments, manage, readAll, mine };
}
