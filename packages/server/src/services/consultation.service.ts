import {
  documentParagraphs,
  EngineError,
  foldVietnamese,
  MAX_DOCUMENT_PARAGRAPHS,
  recipientLine,
  recipientStatus,
  submissionBlockers,
  whoDecides,
  invalidField,
} from '@quyche/core';
import type { ConsultationListQuerySchema, CreateConsultationSchema } from '@quyche/core';
import {
  consultationBodyName,
  consultationMeetingTitle,
  consultationPersonName,
  consultationVote,
  getOrganization,
  getRegulation,
  getVersion,
  insertConsultation,
  insertConsultationRecipient,
  listConsultationComments,
  listConsultationSummaries,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { ADOPTION_MATTER, loadConsultation, versionRegulation } from './consultation.load.js';
import { impactOf } from './regulation-impact.service.js';
import { regulationFor } from './regulation-in-force.js';
import { createAudited } from './record.create.js';

// Search loads a consultation from here; answering, revising and adopting have their own modules.
export { loadConsultation } from './consultation.load.js';

/**
 * The body that decides the matter (adopting the working regulation, or the document's),
 * as the regulation in force says.
 */
async function adoptingBody(sql: Sql, orgId: string, on: string, matter: string) {
  const r = await regulationFor(sql, orgId, on);
  if (!r) return null;
  try {
    const a = whoDecides(r.reg, matter, {}, on);
    return {
      code: a.result.body,
      name: r.reg.frontMatter.bodies?.[a.result.body]?.name ?? a.result.body,
      reason_vi: a.reason_vi,
      eIds: a.eIds,
    };
  } catch (e) {
    if (e instanceof EngineError) return null; // the regulation names no such body: the submission says so
    throw e;
  }
}

export async function getConsultation(ctx: RequestContext, id: string) {
  const { c, recipients, manage, readAll, mine } = await loadConsultation(ctx, id);
  const comments = await listConsultationComments(ctx.db, id);
  const today = ctx.today();
  const [org, reg, v, next] = [
    await getOrganization(ctx.db, c.org_id),
    c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined,
    c.version_id ? await getVersion(ctx.db, c.version_id) : undefined,
    c.next_version_id ? await getVersion(ctx.db, c.next_version_id) : null,
  ];
  const meeting = c.meeting_id ? await consultationMeetingTitle(ctx.db, c.meeting_id) : undefined;
  const vote = c.agenda_item_id ? await consultationVote(ctx.db, c.agenda_item_id) : undefined;
  const adopting = await adoptingBody(ctx.db, c.org_id, ctx.today(), c.matter ?? ADOPTION_MATTER);
  const impact =
    c.state === 'adopted' && c.next_version_id && c.regulation_id
      ? ((await impactOf(ctx, c.regulation_id)).find((x) => x.cause === `version:${c.next_version_id}`)?.subordinates ??
        [])
      : [];
  const byRecipient = new Map<string, number>();
  for (const x of comments) byRecipient.set(x.recipient_id, (byRecipient.get(x.recipient_id) ?? 0) + 1);
  const statuses = recipients.map((r) =>
    recipientStatus({ answeredOn: r.answered_on, notAnswering: r.not_answering }, c.deadline, today),
  );
  const needing = comments.filter((x) => x.kind !== 'no_comment');
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: org?.name ?? '',
    kind: c.document_text !== null ? ('document' as const) : ('regulation' as const),
    regulationId: c.regulation_id,
    regulationTitle: reg?.title ?? c.document_title ?? '',
    versionId: c.version_id,
    matter: c.matter,
    expression: v?.expression ?? (c.document_text !== null ? 'Dự thảo gửi lấy ý kiến' : ''),
    title: c.title,
    sentOn: c.sent_on,
    deadline: c.deadline,
    state: c.state,
    nextVersionId: c.next_version_id,
    nextExpression: next?.expression ?? (c.next_document_text !== null ? 'Bản chỉnh lý' : null),
    memo: c.memo,
    meetingId: c.meeting_id,
    meetingTitle: meeting?.title ?? null,
    agendaItemId: c.agenda_item_id,
    competence: c.competence,
    vote: vote
      ? {
          passed: vote.passed,
          yes: vote.yes,
          totalMembers: vote.total_members,
          reason_vi: vote.outcome.reason_vi ?? '',
        }
      : null,
    adoptedOn: c.adopted_on,
    inForceFrom: c.state === 'adopted' ? (next?.in_force_from ?? null) : null,
    impact,
    adoptingBody: adopting,
    confidentiality: c.confidentiality,
    counts: {
      recipients: recipients.length,
      answered: statuses.filter((s) => s === 'answered').length,
      late: statuses.filter((s) => s === 'late').length,
      pending: statuses.filter((s) => s === 'pending').length,
      notAnswering: statuses.filter((s) => s === 'not_answering').length,
      comments: readAll ? comments.length : comments.filter((x) => mine.has(x.recipient_id)).length,
      disposed: readAll ? needing.filter((x) => x.disposition).length : 0,
      open: readAll ? needing.filter((x) => !x.disposition).length : 0,
    },
    blockers: readAll
      ? submissionBlockers(
          recipients.map((r) => ({ name: r.name, answeredOn: r.answered_on, notAnswering: r.not_answering })),
          comments.map((x) => ({ kind: x.kind, disposition: x.disposition })),
          c.deadline,
          today,
        )
      : [],
    recipients: recipients.map((r, i) => ({
      id: r.id,
      kind: r.recipient_org_id ? ('org' as const) : r.recipient_body_id ? ('body' as const) : ('person' as const),
      refId: (r.recipient_org_id ?? r.recipient_body_id ?? r.person_id)!,
      name: r.name,
      answeredOn: r.answered_on,
      notAnswering: r.not_answering,
      note: readAll || mine.has(r.id) ? r.note : null,
      status: statuses[i]!,
      statusLine: recipientLine({ answeredOn: r.answered_on, notAnswering: r.not_answering }, c.deadline, today),
      comments: readAll || mine.has(r.id) ? (byRecipient.get(r.id) ?? 0) : 0,
      lastRemindedOn: r.last_reminded_on,
      mine: mine.has(r.id),
      version: r.version,
    })),
    can: { manage, answer: c.state === 'open' && mine.size > 0, readAll },
    version: c.version,
  };
}

export async function listConsultations(ctx: RequestContext, q: In<typeof ConsultationListQuerySchema>) {
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  const read = await ctx.coveredOrgs('read');
  const write = await ctx.coveredOrgs('write');
  const rows = await listConsultationSummaries(ctx.db, {
    clearance: ctx.user.clearance,
    orgId: q.orgId ?? null,
    regulationId: q.regulationId ?? null,
    readOrgs: read,
    writeOrgs: write,
    personId: ctx.user.personId,
    today: ctx.today(),
    awaiting: q.awaiting === '1',
  });
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.is_document ? ('document' as const) : ('regulation' as const),
    regulationId: r.regulation_id,
    regulationTitle: r.regulation_title,
    title: r.title,
    sentOn: r.sent_on,
    deadline: r.deadline,
    state: r.state,
    counts: {
      recipients: r.recipients,
      answered: r.answered,
      late: r.late,
      pending: r.pending,
      notAnswering: r.not_answering,
      comments: r.comments,
      disposed: r.disposed,
      open: r.open,
    },
  }));
}

async function recipientName(sql: Sql, kind: 'org' | 'body' | 'person', id: string): Promise<string | null> {
  if (kind === 'org') {
    const o = await getOrganization(sql, id);
    return o ? (o.short_name ?? o.name) : null;
  }
  if (kind === 'body') return (await consultationBodyName(sql, id)) ?? null;
  return (await consultationPersonName(sql, id)) ?? null;
}

export async function createConsultation(ctx: RequestContext, input: In<typeof CreateConsultationSchema>) {
  const sentOn = input.sentOn ?? ctx.today();
  if (input.deadline < sentOn) throw invalidField('body.deadline', 'Hạn góp ý trước ngày gửi xin ý kiến');
  // The draft: a version of a regulation, or a document's text.
  let source: {
    orgId: string;
    regulationId: string | null;
    versionId: string | null;
    title: string;
    confidentiality: number;
    document: { title: string; text: string } | null;
  };
  if (input.document) {
    await ctx.assertOrg(input.orgId!, 'write');
    const paragraphs = documentParagraphs(input.document.text);
    if (paragraphs.length > MAX_DOCUMENT_PARAGRAPHS)
      throw invalidField(
        'body.document.text',
        `Văn bản có ${paragraphs.length} đoạn, quá ${MAX_DOCUMENT_PARAGRAPHS} đoạn`,
      );
    const inForce = await regulationFor(ctx.db, input.orgId!, sentOn);
    if (!inForce?.reg.frontMatter.matters?.[input.matter!])
      throw invalidField('body.matter', `Quy chế làm việc đang có hiệu lực không có nội dung "${input.matter}"`);
    source = {
      orgId: input.orgId!,
      regulationId: null,
      versionId: null,
      title: input.document.title,
      confidentiality: input.confidentiality ?? 0,
      document: { title: input.document.title, text: paragraphs.join('\n') },
    };
  } else {
    const r = await getRegulation(ctx.db, input.regulationId!);
    if (!r) throw invalidField('body.regulationId', 'Không tìm thấy quy chế');
    await ctx.assertOrg(r.org_id, 'write', r.confidentiality);
    const v = await getVersion(ctx.db, input.versionId!);
    if (!v || v.regulation_id !== r.id) throw invalidField('body.versionId', 'Phiên bản không thuộc quy chế này');
    await versionRegulation(ctx.db, v.id);
    source = {
      orgId: r.org_id,
      regulationId: r.id,
      versionId: v.id,
      title: r.title,
      confidentiality: Math.max(r.confidentiality, input.confidentiality ?? 0),
      document: null,
    };
  }
  const confidentiality = source.confidentiality;
  ctx.assertClearance(confidentiality);
  const seen = new Set<string>();
  const resolved: { kind: 'org' | 'body' | 'person'; id: string; name: string }[] = [];
  for (const [i, x] of input.recipients.entries()) {
    if (seen.has(x.id)) throw invalidField(`body.recipients[${i}].id`, 'Nơi nhận bị trùng');
    seen.add(x.id);
    const name = await recipientName(ctx.db, x.kind, x.id);
    if (!name) throw invalidField(`body.recipients[${i}].id`, 'Không tìm thấy nơi nhận này');
    resolved.push({ ...x, name });
  }
  const title = input.title ?? `Lấy ý kiến góp ý ${source.document ? source.title : `dự thảo ${source.title}`}`;
  const after = {
    title,
    versionId: source.versionId,
    document: source.document?.title ?? null,
    sentOn,
    deadline: input.deadline,
    recipients: resolved.length,
  };
  const id = await createAudited(ctx, 'consultation', source.orgId, after, async (tx, id) => {
    await insertConsultation(tx, {
      id,
      org_id: source.orgId,
      regulation_id: source.regulationId,
      version_id: source.versionId,
      document_title: source.document?.title ?? null,
      document_text: source.document?.text ?? null,
      matter: source.document ? input.matter! : null,
      title,
      sent_on: sentOn,
      deadline: input.deadline,
      confidentiality,
      search_text: foldVietnamese(title),
      created_by: ctx.user.id,
    });
    for (const x of resolved) {
      await insertConsultationRecipient(tx, {
        id: uuidv7(),
        org_id: source.orgId,
        consultation_id: id,
        recipient_org_id: x.kind === 'org' ? x.id : null,
        recipient_body_id: x.kind === 'body' ? x.id : null,
        person_id: x.kind === 'person' ? x.id : null,
        name: x.name,
      });
    }
  });
  return getConsultation(ctx, id);
}
