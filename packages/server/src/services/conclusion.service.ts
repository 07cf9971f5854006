import { checkSixClear, formatDateVi, ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { IssueConclusionSchema } from '@quyche/core';
import {
  conclusionExistsForMeeting,
  getMeeting,
  getPerson,
  insertConclusion,
  insertConclusionItem,
  lockMeeting,
  uuidv7,
} from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { issuerOn, numberDocument } from './document.service.js';
import { getMeetingDetail, notifyMeeting } from './meeting.service.js';
import { loadBody, loadMeeting } from './meeting.load.js';

/** The 6 rõ of an action item as issued: its lead, support, deadline, supervisor, deciding body and product. */
function sixClearOf(it: In<typeof IssueConclusionSchema>['items'][number]) {
  return checkSixClear({
    title: it.text,
    leads: it.leads ?? [],
    supporting: it.supporting ?? [],
    due: { date: it.dueDate ?? null, meetingId: it.dueMeetingId ?? null, label: it.dueLabel ?? null },
    supervisorId: it.supervisorPersonId ?? null,
    decidingBody: it.decidingBody ?? null,
    product: it.product ?? null,
  });
}

/**
 * The conclusion notice (thông báo kết luận) of a meeting: numbered `n-TB/<issuer>` per issuer and term (R14), its
 * items recorded; an action item must have exactly one lead (R9, "6 rõ") — two are refused — and whatever else of
 * the 6 rõ it lacks is named so that follow-up keeps it a draft until stated.
 */
export async function issueConclusion(ctx: RequestContext, meetingId: string, input: In<typeof IssueConclusionSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  if (!['closed', 'minutes_approved'].includes(m.state)) {
    throw ruleViolation('TRANG_THAI_HOI_NGHI', 'Thông báo kết luận được ban hành sau khi hội nghị bế mạc');
  }
  if (input.issuedOn < m.meeting_date) {
    throw invalidField(
      'body.issuedOn',
      `Ngày ban hành (${formatDateVi(input.issuedOn)}) trước ngày họp (${formatDateVi(m.meeting_date)})`,
    );
  }
  const visiblePerson = async (id: string, field: string) => {
    const p = await getPerson(ctx.db, id);
    const ok = p && (await ctx.can(p.org_id, 'read', p.confidentiality));
    if (!ok) throw invalidField(field, `Không tìm thấy người mã ${id}`);
  };
  // Unless named, the notice is signed by the meeting's chair
  // (its signing block: "T/M BAN THƯỜNG VỤ / BÍ THƯ" and his name).
  const signerId = input.signer.personId === undefined ? m.chair_person_id : input.signer.personId;
  if (signerId) await visiblePerson(signerId, 'body.signer.personId');
  for (const [i, it] of input.items.entries()) {
    if (it.kind !== 'action') continue;
    const six = sixClearOf(it);
    if (six.refused)
      throw new ProblemError('RULE_VIOLATION', {
        code: six.refused.rule,
        title: 'Mỗi nhiệm vụ chỉ có một đầu mối chủ trì',
        detail: six.refused.message_vi,
        field: `body.items.${i}.leads`,
      });
    if (it.supervisorPersonId) await visiblePerson(it.supervisorPersonId, `body.items.${i}.supervisorPersonId`);
    if (it.dueMeetingId) {
      const dm = await getMeeting(ctx.db, it.dueMeetingId);
      if (!dm || !(await ctx.can(dm.org_id, 'read', dm.confidentiality)))
        throw invalidField(`body.items.${i}.dueMeetingId`, 'Không tìm thấy kỳ họp làm hạn');
    }
  }
  const { org, term } = await issuerOn(ctx, m.org_id, input.issuedOn, 'body');
  const docType = input.docType ?? ((await loadBody(ctx.db, m.body_id)).kind === 'BCH' ? 'KL' : 'TB');
  const conclusionId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    // One notice per meeting: the row lock on the meeting serializes two clerks issuing at once.
    const locked = await lockMeeting(tx, meetingId);
    if (!locked) throw new ProblemError('NOT_FOUND');
    if (await conclusionExistsForMeeting(tx, meetingId)) {
      throw new ProblemError('DUPLICATE', { field: 'body', detail: 'Hội nghị này đã có thông báo kết luận' });
    }
    const doc = await numberDocument(ctx, tx, {
      org,
      term,
      type: docType,
      title: `${docType === 'KL' ? 'Kết luận' : 'Thông báo kết luận'} ${m.title}`,
      issuedOn: input.issuedOn,
      confidentiality: m.confidentiality,
    });
    await insertConclusion(tx, {
      id: conclusionId,
      org_id: m.org_id,
      meeting_id: meetingId,
      issued_document_id: doc.id,
      symbol: doc.symbol,
      issued_on: input.issuedOn,
      summary: input.summary,
      signer_person_id: signerId ?? null,
      signer_for: input.signer.for,
      signer_position: input.signer.position,
      recipients: JSON.stringify(input.recipients ?? []),
    });
    for (const [i, it] of input.items.entries()) {
      const six = it.kind === 'action' ? sixClearOf(it) : null;
      await insertConclusionItem(tx, {
        id: uuidv7(),
        org_id: m.org_id,
        conclusion_id: conclusionId,
        position: i + 1,
        kind: it.kind,
        text: it.text,
        leads: JSON.stringify(it.leads ?? []),
        supporting: JSON.stringify(it.supporting ?? []),
        due_date: it.dueDate ?? null,
        due_meeting_id: it.dueMeetingId ?? null,
        due_label: it.dueLabel ?? null,
        supervisor_person_id: it.supervisorPersonId ?? null,
        deciding_body: it.decidingBody ?? null,
        product: it.product ?? null,
        six_clear: six ? JSON.stringify(six) : null,
      });
    }
    await ctx.auditChange(tx, 'issue', ['conclusion', conclusionId, m.org_id], {
      after: { meetingId, symbol: doc.symbol, issuedOn: input.issuedOn, items: input.items.length },
    });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}
