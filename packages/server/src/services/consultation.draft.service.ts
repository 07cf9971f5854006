import {
  diffParagraphs,
  diffRegulations,
  documentParagraphs,
  formatDateVi,
  ProblemError,
  recipientStatus,
  synthesisTable,
  invalidField,
} from '@quyche/core';
import { getOrganization, getRegulation } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { reportHeaderOf, synthesisDocx } from '../reports/party-document.docx.js';
import { draftOf, loadConsultation, loadConsultationWithComments, versionRegulation } from './consultation.load.js';
import { elementView } from './regulation.service.js';

/** The draft's text and structure, for those who comment on it (recipients cannot read the regulation itself). */
export async function consultationDraft(ctx: RequestContext, id: string, versionId?: string) {
  const { c } = await loadConsultation(ctx, id);
  if (c.document_text !== null) {
    if (versionId) throw invalidField('query.versionId', 'Văn bản dự thảo không có phiên bản quy chế');
    const { reg, expression, text } = await draftOf(ctx.db, c);
    return {
      versionId: null,
      expression,
      text,
      title: c.document_title ?? c.title,
      chapters: reg.chapters.map(elementView),
    };
  }
  const vid = versionId ?? c.version_id!;
  if (vid !== c.version_id && vid !== c.next_version_id)
    throw invalidField('query.versionId', 'Chỉ xem được dự thảo đã gửi và bản chỉnh lý của đợt lấy ý kiến này');
  const { reg, expression, text } = await versionRegulation(ctx.db, vid);
  return {
    versionId: vid,
    expression,
    text,
    title: String(reg.frontMatter.title ?? ''),
    chapters: reg.chapters.map(elementView),
  };
}

/** The comparison table of the draft circulated and its next version (bảng so sánh), for either kind of draft. */
export async function consultationComparison(ctx: RequestContext, id: string) {
  const { c } = await loadConsultation(ctx, id);
  if (c.document_text !== null)
    return c.next_document_text === null
      ? []
      : diffParagraphs(documentParagraphs(c.document_text), documentParagraphs(c.next_document_text));
  if (!c.next_version_id) return [];
  const [a, b] = [await versionRegulation(ctx.db, c.version_id!), await versionRegulation(ctx.db, c.next_version_id)];
  return diffRegulations(a.reg, b.reg);
}

/** The synthesis table (bảng tổng hợp ý kiến, tiếp thu, giải trình) of the comments on the draft circulated. */
export async function synthesis(ctx: RequestContext, id: string) {
  const { c, recipients, comments, readAll } = await loadConsultationWithComments(ctx, id);
  if (!readAll) throw new ProblemError('FORBIDDEN', { detail: 'Bảng tổng hợp ý kiến do cơ quan lấy ý kiến xem' });
  const { reg } = await draftOf(ctx.db, c);
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const t = synthesisTable(
    reg,
    comments.map((x) => ({
      id: x.id,
      recipientName: names.get(x.recipient_id) ?? '',
      kind: x.kind,
      anchor: { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote },
      text: x.text,
      proposedText: x.proposed_text,
      disposition: x.disposition,
      explanation: x.explanation,
    })),
  );
  const today = ctx.today();
  const notAnswered = recipients
    .filter((r) =>
      ['late', 'pending', 'not_answering'].includes(
        recipientStatus({ answeredOn: r.answered_on, notAnswering: r.not_answering }, c.deadline, today),
      ),
    )
    .map((r) => r.name);
  return {
    title: 'BẢNG TỔNG HỢP Ý KIẾN GÓP Ý, TIẾP THU, GIẢI TRÌNH',
    rows: t.rows,
    noComment: t.noComment,
    notAnswered,
  };
}

export async function synthesisDocxFile(ctx: RequestContext, id: string) {
  const s = await synthesis(ctx, id);
  const { c } = await loadConsultation(ctx, id);
  const [org, r] = [
    await getOrganization(ctx.db, c.org_id),
    c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined,
  ];
  const answered = new Set([...s.rows.flatMap((x) => x.comments.map((y) => y.from)), ...s.noComment]).size;
  return synthesisDocx({
    ...reportHeaderOf(org),
    date: ctx.today(),
    title: s.title,
    ...(c.document_text !== null ? { provisionLabel: 'Đoạn' } : {}),
    summary:
      `dự thảo ${r?.title ?? c.document_title ?? ''} (gửi xin ý kiến ngày ${formatDateVi(c.sent_on)}, ` +
      `hạn ${formatDateVi(c.deadline)}; ${answered} nơi góp ý)`,
    rows: s.rows,
    noComment: s.noComment,
    notAnswered: s.notAnswered,
  });
}
