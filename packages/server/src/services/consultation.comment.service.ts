import {
  dispositionProblem,
  findElement,
  ProblemError,
  resolveAnchor,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type {
  ConsultationAnswerSchema,
  ConsultationCommentsQuerySchema,
  DisposeCommentSchema,
  Regulation,
} from '@quyche/core';
import {
  consultationCommentById,
  consultationDisposers,
  consultationRecipientSaidNoComment,
  consultationSiteOfOrg,
  deleteConsultationNoComment,
  getVersion,
  insertConsultationComment,
  lastConsultationCommentPosition,
  listConsultationComments,
  markConsultationRecipientAnswered,
  uuidv7,
} from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { notifyConsultation } from './consultation.live.js';
import { draftOf, loadConsultation, versionRegulation } from './consultation.load.js';
import { getConsultation } from './consultation.service.js';
import { updateVersioned } from './sql-update.js';

const STATE_FOR_ANSWERS = 'open';

/** A recipient's answer: comments on the whole or on a provision of the draft circulated, or "no comment". */
export async function answerConsultation(ctx: RequestContext, id: string, input: In<typeof ConsultationAnswerSchema>) {
  const { c, recipients, manage, mine } = await loadConsultation(ctx, id);
  const rec = recipients.find((r) => r.id === input.recipientId);
  if (!rec) throw invalidField('body.recipientId', 'Nơi này không được xin ý kiến trong đợt này');
  if (!manage && !mine.has(rec.id))
    throw new ProblemError('FORBIDDEN', { detail: `Tài khoản không góp ý thay cho ${rec.name}` });
  if (c.state !== STATE_FOR_ANSWERS)
    throw ruleViolation('DA_KET_THUC_LAY_Y_KIEN', 'Đợt lấy ý kiến đã kết thúc: dự thảo đã được chỉnh lý', 'params.id');
  const { reg } = await draftOf(ctx.db, c);
  const rows = input.comments.map((x, i) => {
    const f = (k: string) => `body.comments[${i}].${k}`;
    if (x.kind === 'no_comment') {
      if (x.eId || x.proposedText)
        throw invalidField(f('kind'), '"Nhất trí, không có ý kiến" không kèm điều, khoản hay đề xuất sửa');
      if (input.comments.length > 1)
        throw invalidField(f('kind'), '"Nhất trí, không có ý kiến" là câu trả lời duy nhất của lần góp ý');
      return {
        kind: x.kind,
        wId: null,
        eId: null,
        quote: null,
        text: x.text ?? 'Nhất trí với dự thảo, không có ý kiến',
        proposed: null,
        siteId: x.siteId ?? null,
      };
    }
    if (!x.text && x.kind !== 'proposal') throw invalidField(f('text'), 'Thiếu nội dung góp ý');
    if (x.kind === 'general') {
      if (x.eId)
        throw invalidField(f('eId'), 'Ý kiến chung không gắn vào điều, khoản: chọn loại "Ý kiến vào điều, khoản"');
      return {
        kind: x.kind,
        wId: null,
        eId: null,
        quote: x.quote ?? null,
        text: x.text!,
        proposed: x.proposedText ?? null,
        siteId: x.siteId ?? null,
      };
    }
    if (!x.eId) throw invalidField(f('eId'), 'Chọn điều, khoản, điểm được góp ý');
    const e = findElement(reg, x.eId);
    if (!e) throw invalidField(f('eId'), `Dự thảo không có điều, khoản ${x.eId}`);
    if (x.kind === 'proposal') {
      if (!x.proposedText) throw invalidField(f('proposedText'), 'Đề xuất sửa cần nội dung đề xuất');
      if (e.kind !== 'clause' && e.kind !== 'point')
        throw invalidField(
          f('eId'),
          'Đề xuất nội dung thay thế cho một khoản hoặc một điểm; ' +
            'góp ý vào cả điều thì chọn "Ý kiến vào điều, khoản"',
        );
    }
    return {
      kind: x.kind,
      wId: e.wId,
      eId: e.eId,
      quote: x.quote ?? (e.kind === 'article' ? `Điều ${e.num}. ${e.heading}` : e.text).slice(0, 4000),
      text: x.text ?? 'Đề nghị sửa như sau',
      proposed: x.proposedText ?? null,
      siteId: x.siteId ?? null,
    };
  });
  for (const [i, x] of rows.entries()) {
    if (!x.siteId) continue;
    if (!(await consultationSiteOfOrg(ctx.db, x.siteId, c.org_id)))
      throw invalidField(`body.comments[${i}].siteId`, 'Điểm cầu không thuộc hội nghị của cơ quan lấy ý kiến');
  }
  const answeredOn = input.answeredOn ?? ctx.today();
  if (answeredOn < c.sent_on) throw invalidField('body.answeredOn', 'Ngày góp ý trước ngày gửi xin ý kiến');
  const hadNoComment = await consultationRecipientSaidNoComment(ctx.db, rec.id);
  await ctx.db.transaction(async (tx) => {
    // A unit that first said "no comment" and then comments: its comments replace the earlier answer.
    if (hadNoComment && rows.some((x) => x.kind !== 'no_comment')) await deleteConsultationNoComment(tx, rec.id);
    if (hadNoComment && rows.every((x) => x.kind === 'no_comment'))
      throw new ProblemError('DUPLICATE', {
        field: 'body.comments',
        detail: `${rec.name} đã trả lời nhất trí, không có ý kiến`,
      });
    let pos = await lastConsultationCommentPosition(tx, id);
    const ids: string[] = [];
    for (const x of rows) {
      const cid = uuidv7();
      ids.push(cid);
      await insertConsultationComment(tx, {
        id: cid,
        org_id: c.org_id,
        consultation_id: id,
        recipient_id: rec.id,
        position: ++pos,
        kind: x.kind,
        anchor_wid: x.wId,
        anchor_eid: x.eId,
        quote: x.quote,
        text: x.text,
        proposed_text: x.proposed,
        site_id: x.siteId,
        created_by: ctx.user.id,
      });
    }
    await markConsultationRecipientAnswered(tx, rec.id, answeredOn);
    await ctx.auditChange(tx, 'answer', ['consultation', id, c.org_id], {
      after: {
        recipient: rec.name,
        comments: ids.length,
        kinds: rows.map((x) => x.kind),
        answeredOn,
        replacedNoComment: hadNoComment,
      },
    });
    await notifyConsultation(tx, id);
  });
  return getConsultation(ctx, id);
}

/** The comments, each placed in the version asked for (a renumbered next version keeps them on their provision). */
export async function listComments(ctx: RequestContext, id: string, q: In<typeof ConsultationCommentsQuerySchema>) {
  const { c, recipients, readAll, mine } = await loadConsultation(ctx, id);
  let reg: Regulation;
  if (q.against) {
    const v = await getVersion(ctx.db, q.against);
    if (!v || !c.regulation_id || v.regulation_id !== c.regulation_id)
      throw invalidField('query.against', 'Phiên bản không thuộc quy chế được lấy ý kiến');
    reg = (await versionRegulation(ctx.db, v.id)).reg;
  } else reg = (await draftOf(ctx.db, c)).reg;
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const users = new Map((await consultationDisposers(ctx.db, id)).map((u) => [u.id, u.display_name]));
  return (await listConsultationComments(ctx.db, id))
    .filter((x) => readAll || mine.has(x.recipient_id))
    .filter((x) => !q.recipientId || x.recipient_id === q.recipientId)
    .filter(
      (x) =>
        !q.disposition ||
        (q.disposition === 'none' ? !x.disposition && x.kind !== 'no_comment' : x.disposition === q.disposition),
    )
    .map((x) => {
      const at = resolveAnchor(reg, { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote });
      return {
        id: x.id,
        recipientId: x.recipient_id,
        recipientName: names.get(x.recipient_id) ?? '',
        position: x.position,
        kind: x.kind,
        anchor: { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote },
        at: { eId: at.element?.eId ?? null, cite: at.cite, exact: at.exact },
        text: x.text,
        proposedText: x.proposed_text,
        siteId: x.site_id,
        disposition: x.disposition,
        explanation: x.explanation,
        adoptedText: x.adopted_text,
        disposedBy: x.disposed_by ? (users.get(x.disposed_by) ?? null) : null,
        disposedAt: x.disposed_at ? new Date(x.disposed_at).toISOString() : null,
        createdAt: new Date(x.created_at).toISOString(),
        version: x.version,
      };
    })
    .filter((x) => !q.eId || x.at.eId === q.eId || (x.at.eId ?? '').startsWith(`${q.eId}__`));
}

/** Tiếp thu, giải trình: the disposition of one comment; a clerk who read an older version gets 409. */
export async function disposeComment(
  ctx: RequestContext,
  id: string,
  commentId: string,
  input: In<typeof DisposeCommentSchema>,
) {
  const { c } = await loadConsultation(ctx, id, 'manage');
  if (!['open', 'revised'].includes(c.state))
    throw ruleViolation(
      'DA_TRINH_THONG_QUA',
      'Dự thảo đã trình thông qua: không sửa việc tiếp thu, giải trình',
      'params.id',
    );
  const x = await consultationCommentById(ctx.db, id, commentId);
  if (!x) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy ý kiến' });
  if (x.kind === 'no_comment')
    throw ruleViolation(
      'KHONG_CAN_TIEP_THU',
      '"Nhất trí, không có ý kiến" không cần tiếp thu, giải trình',
      'params.commentId',
    );
  const problem = dispositionProblem({ disposition: input.disposition, explanation: input.explanation ?? null });
  if (problem) throw invalidField('body.explanation', problem);
  let adopted: string | null = null;
  if (input.disposition === 'not_accepted') {
    if (input.adoptedText)
      throw invalidField('body.adoptedText', 'Ý kiến không tiếp thu thì không đưa nội dung vào dự thảo');
  } else {
    adopted = input.adoptedText ?? (input.disposition === 'accepted' ? x.proposed_text : null);
    if (adopted && !x.anchor_wid)
      throw invalidField('body.adoptedText', 'Ý kiến chung không gắn với khoản nào: sửa dự thảo ở bản chỉnh lý');
    if (adopted) {
      const { reg } = await draftOf(ctx.db, c);
      const e = resolveAnchor(reg, { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote }).element;
      if (!e || (e.kind !== 'clause' && e.kind !== 'point'))
        throw invalidField(
          'body.adoptedText',
          'Nội dung tiếp thu thay cho một khoản hoặc một điểm; ý kiến này góp vào cả điều',
        );
    }
  }
  return ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'consultation_comment', commentId, input.version, {
      disposition: input.disposition,
      explanation: input.explanation ?? null,
      adopted_text: adopted,
      disposed_by: ctx.user.id,
      disposed_at: new Date().toISOString(),
    });
    await ctx.auditChange(tx, 'dispose', ['consultation_comment', commentId, c.org_id], {
      before: { disposition: x.disposition, explanation: x.explanation, version: x.version },
      after: {
        disposition: after['disposition'],
        explanation: after['explanation'],
        adoptedText: adopted,
        version: after['version'],
      },
    });
    await notifyConsultation(tx, id);
    return {
      id: commentId,
      disposition: input.disposition,
      explanation: input.explanation ?? null,
      adoptedText: adopted,
      version: Number(after['version']),
    };
  });
}
