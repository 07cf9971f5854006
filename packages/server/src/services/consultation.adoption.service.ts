import { createHash } from 'node:crypto';
import {
  addDays,
  EngineError,
  formatDateVi,
  parseRegulation,
  printRegulation,
  ProblemError,
  setFrontMatter,
  whoDecides,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { AdoptConsultationSchema, SubmitConsultationSchema } from '@quyche/core';
import {
  adoptConsultationRevision,
  consultationVote,
  getMeeting,
  getRegulation,
  getVersion,
  insertConsultationAgendaItem,
  nextAgendaItemPosition,
  uuidv7,
} from '@quyche/db';
import type { ConsultationCompetence, Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { assertNoBlockers, blockersOf, consistencyWithSuperior } from './consultation.checks.js';
import { notifyConsultation } from './consultation.live.js';
import { ADOPTION_MATTER, loadConsultationWithComments } from './consultation.load.js';
import { getConsultation } from './consultation.service.js';
import { assertMeetingNotOver, loadBody, meetingOfOrg } from './meeting.load.js';
import { notifyMeeting } from './meeting.service.js';
import { applyImpact, regulationOn } from './regulation-impact.service.js';
import { regulationRequired } from './regulation-in-force.js';
import { updateVersioned } from './sql-update.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Submits the next version to the body the regulation names (R: who decides QUY_CHE_LAM_VIEC), on a meeting's agenda.
 */
export async function submitConsultation(ctx: RequestContext, id: string, input: In<typeof SubmitConsultationSchema>) {
  const { c, recipients, comments, manage } = await loadConsultationWithComments(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến trình dự thảo' });
  const isDocument = c.document_text !== null;
  if (c.state !== 'revised' || (!c.next_version_id && c.next_document_text === null))
    throw ruleViolation(
      'CHUA_CO_BAN_CHINH_LY',
      c.state === 'open' ? 'Chưa có bản chỉnh lý sau lấy ý kiến' : 'Dự thảo đã được trình',
      'params.id',
    );
  assertNoBlockers(blockersOf(c, recipients, comments, ctx.today()));
  const m = await meetingOfOrg(ctx, input.meetingId, c.org_id);
  assertMeetingNotOver(m.state, `"${m.title}" đã kết thúc: chọn hội nghị sắp họp`, 'body.meetingId');
  const body = await loadBody(ctx.db, m.body_id);
  const inForce = await regulationRequired(
    ctx.db,
    c.org_id,
    m.meeting_date,
    'Không có quy chế làm việc có hiệu lực để xác định cơ quan có thẩm quyền',
    'body.meetingId',
  );
  let competence: ConsultationCompetence;
  try {
    const a = whoDecides(inForce.reg, c.matter ?? ADOPTION_MATTER, {}, m.meeting_date);
    const name = inForce.reg.frontMatter.bodies?.[a.result.body]?.name ?? a.result.body;
    competence = {
      ok: a.result.body === body.kind,
      reason_vi: a.result.body === body.kind ? a.reason_vi : `${a.reason_vi}: trình ${name}, không phải ${body.name}`,
      ruleIds: a.ruleIds,
      eIds: a.eIds,
      competent: a.result.body,
    };
  } catch (e) {
    if (e instanceof EngineError)
      throw ruleViolation(
        'QUY_CHE_CHUA_QUY_DINH',
        `Quy chế chưa quy định cơ quan quyết định nội dung này: ${e.reason_vi}`,
        'body.meetingId',
      );
    throw e;
  }
  if (!competence.ok)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'SAI_THAM_QUYEN_THONG_QUA',
      title: isDocument ? 'Sai thẩm quyền thông qua' : 'Sai thẩm quyền thông qua quy chế',
      field: 'body.meetingId',
      detail: competence.reason_vi,
      ruleIds: competence.ruleIds,
      eIds: competence.eIds,
      competent: competence.competent,
    });
  const r = c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined;
  const next = c.next_version_id ? await getVersion(ctx.db, c.next_version_id) : undefined;
  // Before adoption: not looser than the superior's regulation (errors block, warnings are shown on the draft).
  const nextReg = next ? parseRegulation(next.source_text) : null;
  const errors = nextReg?.ok
    ? (await consistencyWithSuperior(ctx.db, nextReg.regulation, m.meeting_date)).filter((f) => f.severity === 'error')
    : [];
  if (errors.length)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRAI_QUY_CHE_CAP_TREN',
      title: 'Dự thảo trái quy chế cấp trên',
      field: 'params.id',
      detail: errors.map((f) => f.message).join('; '),
      findings: errors,
    });
  const itemId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const pos = await nextAgendaItemPosition(tx, m.id);
    const title =
      next && r
        ? `Xem xét, thông qua ${r.title} (dự thảo ${next.expression})`
        : `Xem xét, thông qua ${c.document_title ?? c.title}`;
    const matter = c.matter ?? ADOPTION_MATTER;
    await insertConsultationAgendaItem(tx, {
      id: itemId,
      org_id: c.org_id,
      meeting_id: m.id,
      position: pos,
      title,
      matter,
      presenting_unit: 'Cơ quan soạn thảo',
      confidentiality: Math.max(c.confidentiality, m.confidentiality),
      regulation_version_id: next?.id ?? null,
    });
    await ctx.auditChange(tx, 'create', ['agenda_item', itemId, c.org_id], {
      after: { meetingId: m.id, title, matter, regulationVersionId: next?.id ?? null },
    });
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'submitted',
      meeting_id: m.id,
      agenda_item_id: itemId,
      competence: JSON.stringify(competence),
    });
    await notifyConsultation(tx, id);
    await ctx.auditChange(tx, 'submit', ['consultation', id, c.org_id], {
      before: { state: c.state },
      after: { state: after['state'], meetingId: m.id, agendaItemId: itemId },
    });
    await notifyMeeting(tx, m.id);
  });
  return getConsultation(ctx, id);
}

/**
 * Adoption by the meeting's vote: the engine's outcome decides; the version is in force from the date (the meeting's
 * by default) and the previous one keeps answering for earlier dates. The subordinates it makes inconsistent get a
 * task each.
 */
export async function adoptConsultation(ctx: RequestContext, id: string, input: In<typeof AdoptConsultationSchema>) {
  const { c, manage } = await loadConsultationWithComments(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến ghi nhận việc thông qua' });
  if (c.state !== 'submitted' || !c.agenda_item_id || !c.meeting_id)
    throw ruleViolation('CHUA_TRINH', 'Dự thảo chưa được trình hội nghị', 'params.id');
  const m = (await getMeeting(ctx.db, c.meeting_id))!;
  const vote = await consultationVote(ctx.db, c.agenda_item_id);
  if (!vote) throw ruleViolation('CHUA_BIEU_QUYET', `Hội nghị "${m.title}" chưa biểu quyết nội dung này`, 'params.id');
  if (!vote.passed)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_THONG_QUA',
      title: 'Dự thảo không được thông qua',
      field: 'params.id',
      detail: vote.outcome.reason_vi ?? `${vote.yes}/${vote.total_members} tán thành`,
      eIds: vote.outcome.eIds ?? [],
      ruleIds: vote.outcome.ruleIds ?? [],
    });
  const inForceFrom = input.inForceFrom ?? m.meeting_date;
  if (inForceFrom < m.meeting_date)
    throw invalidField(
      'body.inForceFrom',
      `Ngày có hiệu lực (${formatDateVi(inForceFrom)}) trước ngày thông qua (${formatDateVi(m.meeting_date)})`,
    );
  /** The consultation adopted at the meeting: its state, its recipients told, the audit entry with `more`. */
  const markAdopted = async (tx: Sql, more: Record<string, unknown>) => {
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'adopted',
      adopted_on: m.meeting_date,
    });
    await notifyConsultation(tx, id);
    await ctx.auditChange(tx, 'adopt', ['consultation', id, c.org_id], {
      before: { state: c.state },
      after: { state: after['state'], adoptedOn: m.meeting_date, ...more },
    });
  };
  if (c.document_text !== null) {
    // A document: adopted by the vote; its text is the consultation's next version.
    await ctx.db.transaction((tx) => markAdopted(tx, { vote: { yes: vote.yes, totalMembers: vote.total_members } }));
    return getConsultation(ctx, id);
  }
  const r = (await getRegulation(ctx.db, c.regulation_id!))!;
  const next = (await getVersion(ctx.db, c.next_version_id!))!;
  const reg = parseRegulation(next.source_text);
  if (!reg.ok) throw new ProblemError('RULE_VIOLATION', { code: 'DU_THAO_LOI', detail: reg.error.message });
  setFrontMatter(reg.regulation, { status: 'adopted', adopted_on: m.meeting_date, in_force_from: inForceFrom });
  const text = printRegulation(reg.regulation);
  const impact = await ctx.db.transaction(async (tx) => {
    const before = await regulationOn(tx, r.id, addDays(inForceFrom, -1));
    await adoptConsultationRevision(tx, next.id, {
      adopted_on: m.meeting_date,
      in_force_from: inForceFrom,
      source_text: text,
      sha256: sha256(text),
      parsed: JSON.stringify({ frontMatter: reg.regulation.frontMatter, rules: reg.regulation.rules }),
    });
    await ctx.auditChange(tx, 'adopt', ['regulation_version', next.id, c.org_id], {
      before: { status: next.status },
      after: {
        status: 'adopted',
        adoptedOn: m.meeting_date,
        inForceFrom,
        meeting: m.title,
        vote: { yes: vote.yes, totalMembers: vote.total_members },
      },
    });
    await markAdopted(tx, { inForceFrom });
    const now = await regulationOn(tx, r.id, inForceFrom);
    return before && now
      ? applyImpact(ctx, tx, r, before, now, {
          key: `version:${next.id}`,
          label: `${r.title} (phiên bản ${next.expression}, hiệu lực từ ${formatDateVi(inForceFrom)})`,
          effectiveOn: inForceFrom,
        })
      : [];
  });
  return { ...(await getConsultation(ctx, id)), impact };
}
