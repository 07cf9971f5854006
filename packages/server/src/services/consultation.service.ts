import {
  documentDraft,
  documentParagraphs,
  MAX_DOCUMENT_PARAGRAPHS,
  EngineError,
  findElement,
  foldVietnamese,
  parseRegulation,
  ProblemError,
  whoDecides,
  recipientLine,
  recipientStatus,
  resolveAnchor,
  submissionBlockers,
} from '@quyche/core';
import type {
  ConsultationAnswerSchema,
  ConsultationCommentsQuerySchema,
  ConsultationListQuerySchema,
  CreateConsultationSchema,
  DisposeCommentSchema,
  RecipientStepSchema,
  Regulation,
} from '@quyche/core';
import { dispositionProblem } from '@quyche/core';
import type { CommentKind, Disposition } from '@quyche/core';
import { getOrganization, getRegulation, getVersion, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { enqueue } from './job.service.js';
import { notifyConsultation } from './consultation.live.js';
import { regulationFor } from './regulation-in-force.js';
import { impactOf } from './regulation-impact.service.js';

/** The matter of adopting or amending a working regulation: the engine says which body decides it. */
export const ADOPTION_MATTER = 'QUY_CHE_LAM_VIEC';
import { updateVersioned } from './sql-update.js';

type In<T extends z.ZodType> = z.output<T>;

export interface ConsultationRow {
  id: string;
  org_id: string;
  regulation_id: string | null;
  version_id: string | null;
  document_title: string | null;
  document_text: string | null;
  next_document_text: string | null;
  matter: string | null;
  title: string;
  sent_on: string;
  deadline: string;
  state: 'open' | 'revised' | 'submitted' | 'adopted' | 'rejected' | 'cancelled';
  next_version_id: string | null;
  memo: string | null;
  meeting_id: string | null;
  agenda_item_id: string | null;
  competence: { ok: boolean; reason_vi: string; ruleIds: string[]; eIds: string[]; competent: string | null } | null;
  adopted_on: string | null;
  confidentiality: number;
  version: number;
}
export interface RecipientRow {
  id: string;
  consultation_id: string;
  recipient_org_id: string | null;
  recipient_body_id: string | null;
  person_id: string | null;
  name: string;
  answered_on: string | null;
  not_answering: boolean;
  note: string | null;
  last_reminded_on: string | null;
  version: number;
}
export interface CommentRow {
  id: string;
  recipient_id: string;
  position: number;
  kind: CommentKind;
  anchor_wid: string | null;
  anchor_eid: string | null;
  quote: string | null;
  text: string;
  proposed_text: string | null;
  site_id: string | null;
  disposition: Disposition | null;
  explanation: string | null;
  adopted_text: string | null;
  disposed_by: string | null;
  disposed_at: string | null;
  created_at: string;
  version: number;
}

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

/** The body that decides the matter (adopting the working regulation, or the document's), as the regulation in force says. */
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

/** The draft circulated (or the next one) as the structure comments sit in: a regulation's version, or a document's paragraphs. */
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
async function answersFor(ctx: RequestContext, rs: RecipientRow[]): Promise<Set<string>> {
  const mine = new Set<string>();
  const writable = new Set(await ctx.coveredOrgs('write'));
  const bodyOrgs = new Map<string, string>();
  const bodies = rs.filter((r) => r.recipient_body_id).map((r) => r.recipient_body_id!);
  if (bodies.length)
    for (const b of (
      await ctx.db.query<{ id: string; org_id: string }>('select id, org_id from body where id = any($1::uuid[])', [
        bodies,
      ])
    ).rows)
      bodyOrgs.set(b.id, b.org_id);
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
  const c = (await ctx.db.query<ConsultationRow>('select * from consultation where id = $1', [id])).rows[0];
  if (!c) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy đợt lấy ý kiến' });
  ctx.assertClearance(c.confidentiality);
  const recipients = (
    await ctx.db.query<RecipientRow>(
      'select * from consultation_recipient where consultation_id = $1 order by name, id',
      [id],
    )
  ).rows;
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

async function commentsOf(sql: Sql, id: string) {
  return (
    await sql.query<CommentRow>('select * from consultation_comment where consultation_id = $1 order by position', [id])
  ).rows;
}

export async function getConsultation(ctx: RequestContext, id: string) {
  const { c, recipients, manage, readAll, mine } = await loadConsultation(ctx, id);
  const comments = await commentsOf(ctx.db, id);
  const today = ctx.today();
  const [org, reg, v, next] = [
    await getOrganization(ctx.db, c.org_id),
    c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined,
    c.version_id ? await getVersion(ctx.db, c.version_id) : undefined,
    c.next_version_id ? await getVersion(ctx.db, c.next_version_id) : null,
  ];
  const meeting = c.meeting_id
    ? (await ctx.db.query<{ title: string }>('select title from meeting where id = $1', [c.meeting_id])).rows[0]
    : undefined;
  const vote = c.agenda_item_id
    ? (
        await ctx.db.query<{ passed: boolean; yes: number; total_members: number; outcome: { reason_vi?: string } }>(
          'select passed, yes, total_members, outcome from vote where agenda_item_id = $1 order by created_at desc limit 1',
          [c.agenda_item_id],
        )
      ).rows[0]
    : undefined;
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
  // Those of the consulting organizations (every comment counted), and those sent to the user's own organizations or
  // to the user (only their own comments counted) — one query, counts included.
  const rows = (
    await ctx.db.query<{
      id: string;
      org_id: string;
      org_name: string;
      regulation_id: string | null;
      regulation_title: string;
      is_document: boolean;
      title: string;
      sent_on: string;
      deadline: string;
      state: ConsultationRow['state'];
      recipients: number;
      answered: number;
      late: number;
      pending: number;
      not_answering: number;
      comments: number;
      disposed: number;
      open: number;
    }>(
      `with mine as (
         select r.id from consultation_recipient r left join body b on b.id = r.recipient_body_id
          where r.recipient_org_id = any($5::uuid[]) or b.org_id = any($5::uuid[]) or r.person_id = $6)
       select c.id, c.org_id, o.name as org_name, c.regulation_id, coalesce(g.title, c.document_title) as regulation_title, c.document_text is not null as is_document, c.title, c.sent_on, c.deadline, c.state,
              count(distinct r.id)::int as recipients,
              count(distinct r.id) filter (where r.answered_on is not null)::int as answered,
              count(distinct r.id) filter (where r.answered_on is null and not r.not_answering and c.deadline < $7::date)::int as late,
              count(distinct r.id) filter (where r.answered_on is null and not r.not_answering and c.deadline >= $7::date)::int as pending,
              count(distinct r.id) filter (where r.answered_on is null and r.not_answering)::int as not_answering,
              (select count(*) from consultation_comment k where k.consultation_id = c.id and (c.org_id = any($4::uuid[]) or k.recipient_id in (select id from mine)))::int as comments,
              (select count(*) from consultation_comment k where k.consultation_id = c.id and c.org_id = any($4::uuid[]) and k.disposition is not null)::int as disposed,
              (select count(*) from consultation_comment k where k.consultation_id = c.id and c.org_id = any($4::uuid[]) and k.disposition is null and k.kind <> 'no_comment')::int as open
         from consultation c join organization o on o.id = c.org_id left join regulation g on g.id = c.regulation_id
         left join consultation_recipient r on r.consultation_id = c.id
        where c.confidentiality <= $1 and ($2::uuid is null or c.org_id = $2) and ($3::uuid is null or c.regulation_id = $3)
          and (c.org_id = any($4::uuid[]) or exists (select 1 from consultation_recipient x where x.consultation_id = c.id and x.id in (select id from mine)))
          and (not $8::boolean or (c.state = 'open' and exists (select 1 from consultation_recipient x where x.consultation_id = c.id and x.id in (select id from mine) and x.answered_on is null and not x.not_answering)))
        group by c.id, o.name, g.title
        order by c.sent_on desc, c.id`,
      [
        ctx.user.clearance,
        q.orgId ?? null,
        q.regulationId ?? null,
        read,
        write,
        ctx.user.personId,
        ctx.today(),
        q.awaiting === '1',
      ],
    )
  ).rows;
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
  if (kind === 'body')
    return (await sql.query<{ name: string }>('select name from body where id = $1', [id])).rows[0]?.name ?? null;
  return (
    (await sql.query<{ full_name: string }>('select full_name from person where id = $1', [id])).rows[0]?.full_name ??
    null
  );
}

export async function createConsultation(ctx: RequestContext, input: In<typeof CreateConsultationSchema>) {
  const sentOn = input.sentOn ?? ctx.today();
  if (input.deadline < sentOn)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.deadline',
      detail: 'Hạn góp ý trước ngày gửi xin ý kiến',
    });
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
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.document.text',
        detail: `Văn bản có ${paragraphs.length} đoạn, quá ${MAX_DOCUMENT_PARAGRAPHS} đoạn`,
      });
    const inForce = await regulationFor(ctx.db, input.orgId!, sentOn);
    if (!inForce?.reg.frontMatter.matters?.[input.matter!])
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.matter',
        detail: `Quy chế làm việc đang có hiệu lực không có nội dung "${input.matter}"`,
      });
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
    if (!r)
      throw new ProblemError('VALIDATION_FAILED', { field: 'body.regulationId', detail: 'Không tìm thấy quy chế' });
    await ctx.assertOrg(r.org_id, 'write', r.confidentiality);
    const v = await getVersion(ctx.db, input.versionId!);
    if (!v || v.regulation_id !== r.id)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.versionId',
        detail: 'Phiên bản không thuộc quy chế này',
      });
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
    if (seen.has(x.id))
      throw new ProblemError('VALIDATION_FAILED', { field: `body.recipients[${i}].id`, detail: 'Nơi nhận bị trùng' });
    seen.add(x.id);
    const name = await recipientName(ctx.db, x.kind, x.id);
    if (!name)
      throw new ProblemError('VALIDATION_FAILED', {
        field: `body.recipients[${i}].id`,
        detail: 'Không tìm thấy nơi nhận này',
      });
    resolved.push({ ...x, name });
  }
  const id = uuidv7();
  const title = input.title ?? `Lấy ý kiến góp ý ${source.document ? source.title : `dự thảo ${source.title}`}`;
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      'insert into consultation (id, org_id, regulation_id, version_id, document_title, document_text, matter, title, sent_on, deadline, confidentiality, search_text, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)',
      [
        id,
        source.orgId,
        source.regulationId,
        source.versionId,
        source.document?.title ?? null,
        source.document?.text ?? null,
        source.document ? input.matter! : null,
        title,
        sentOn,
        input.deadline,
        confidentiality,
        foldVietnamese(title),
        ctx.user.id,
      ],
    );
    for (const x of resolved) {
      await tx.query(
        'insert into consultation_recipient (id, org_id, consultation_id, recipient_org_id, recipient_body_id, person_id, name) values ($1,$2,$3,$4,$5,$6,$7)',
        [
          uuidv7(),
          source.orgId,
          id,
          x.kind === 'org' ? x.id : null,
          x.kind === 'body' ? x.id : null,
          x.kind === 'person' ? x.id : null,
          x.name,
        ],
      );
    }
    await ctx.audit(tx, {
      action: 'create',
      entity: 'consultation',
      entityId: id,
      orgId: source.orgId,
      after: {
        title,
        versionId: source.versionId,
        document: source.document?.title ?? null,
        sentOn,
        deadline: input.deadline,
        recipients: resolved.length,
      },
    });
  });
  return getConsultation(ctx, id);
}

const STATE_FOR_ANSWERS = 'open';

/** A recipient's answer: comments on the whole or on a provision of the draft circulated, or "no comment". */
export async function answerConsultation(ctx: RequestContext, id: string, input: In<typeof ConsultationAnswerSchema>) {
  const { c, recipients, manage, mine } = await loadConsultation(ctx, id);
  const rec = recipients.find((r) => r.id === input.recipientId);
  if (!rec)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.recipientId',
      detail: 'Nơi này không được xin ý kiến trong đợt này',
    });
  if (!manage && !mine.has(rec.id))
    throw new ProblemError('FORBIDDEN', { detail: `Tài khoản không góp ý thay cho ${rec.name}` });
  if (c.state !== STATE_FOR_ANSWERS)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_KET_THUC_LAY_Y_KIEN',
      field: 'params.id',
      detail: 'Đợt lấy ý kiến đã kết thúc: dự thảo đã được chỉnh lý',
    });
  const { reg } = await draftOf(ctx.db, c);
  const rows = input.comments.map((x, i) => {
    const f = (k: string) => `body.comments[${i}].${k}`;
    if (x.kind === 'no_comment') {
      if (x.eId || x.proposedText)
        throw new ProblemError('VALIDATION_FAILED', {
          field: f('kind'),
          detail: '"Nhất trí, không có ý kiến" không kèm điều, khoản hay đề xuất sửa',
        });
      if (input.comments.length > 1)
        throw new ProblemError('VALIDATION_FAILED', {
          field: f('kind'),
          detail: '"Nhất trí, không có ý kiến" là câu trả lời duy nhất của lần góp ý',
        });
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
    if (!x.text && x.kind !== 'proposal')
      throw new ProblemError('VALIDATION_FAILED', { field: f('text'), detail: 'Thiếu nội dung góp ý' });
    if (x.kind === 'general') {
      if (x.eId)
        throw new ProblemError('VALIDATION_FAILED', {
          field: f('eId'),
          detail: 'Ý kiến chung không gắn vào điều, khoản: chọn loại "Ý kiến vào điều, khoản"',
        });
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
    if (!x.eId)
      throw new ProblemError('VALIDATION_FAILED', { field: f('eId'), detail: 'Chọn điều, khoản, điểm được góp ý' });
    const e = findElement(reg, x.eId);
    if (!e)
      throw new ProblemError('VALIDATION_FAILED', { field: f('eId'), detail: `Dự thảo không có điều, khoản ${x.eId}` });
    if (x.kind === 'proposal') {
      if (!x.proposedText)
        throw new ProblemError('VALIDATION_FAILED', {
          field: f('proposedText'),
          detail: 'Đề xuất sửa cần nội dung đề xuất',
        });
      if (e.kind !== 'clause' && e.kind !== 'point')
        throw new ProblemError('VALIDATION_FAILED', {
          field: f('eId'),
          detail:
            'Đề xuất nội dung thay thế cho một khoản hoặc một điểm; góp ý vào cả điều thì chọn "Ý kiến vào điều, khoản"',
        });
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
    const s = (
      await ctx.db.query(
        'select 1 from meeting_site s join meeting m on m.id = s.meeting_id where s.id = $1 and m.org_id = $2',
        [x.siteId, c.org_id],
      )
    ).rows[0];
    if (!s)
      throw new ProblemError('VALIDATION_FAILED', {
        field: `body.comments[${i}].siteId`,
        detail: 'Điểm cầu không thuộc hội nghị của cơ quan lấy ý kiến',
      });
  }
  const answeredOn = input.answeredOn ?? ctx.today();
  if (answeredOn < c.sent_on)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.answeredOn',
      detail: 'Ngày góp ý trước ngày gửi xin ý kiến',
    });
  const hadNoComment = (
    await ctx.db.query("select 1 from consultation_comment where recipient_id = $1 and kind = 'no_comment'", [rec.id])
  ).rows[0];
  await ctx.db.transaction(async (tx) => {
    // A unit that first said "no comment" and then comments: its comments replace the earlier answer.
    if (hadNoComment && rows.some((x) => x.kind !== 'no_comment'))
      await tx.query("delete from consultation_comment where recipient_id = $1 and kind = 'no_comment'", [rec.id]);
    if (hadNoComment && rows.every((x) => x.kind === 'no_comment'))
      throw new ProblemError('DUPLICATE', {
        field: 'body.comments',
        detail: `${rec.name} đã trả lời nhất trí, không có ý kiến`,
      });
    let pos = (
      await tx.query<{ n: number }>(
        'select coalesce(max(position), 0)::int as n from consultation_comment where consultation_id = $1',
        [id],
      )
    ).rows[0]!.n;
    const ids: string[] = [];
    for (const x of rows) {
      const cid = uuidv7();
      ids.push(cid);
      await tx.query(
        'insert into consultation_comment (id, org_id, consultation_id, recipient_id, position, kind, anchor_wid, anchor_eid, quote, text, proposed_text, site_id, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)',
        [cid, c.org_id, id, rec.id, ++pos, x.kind, x.wId, x.eId, x.quote, x.text, x.proposed, x.siteId, ctx.user.id],
      );
    }
    await tx.query(
      'update consultation_recipient set answered_on = coalesce(answered_on, $2), not_answering = false, version = version + 1 where id = $1',
      [rec.id, answeredOn],
    );
    await ctx.audit(tx, {
      action: 'answer',
      entity: 'consultation',
      entityId: id,
      orgId: c.org_id,
      after: {
        recipient: rec.name,
        comments: ids.length,
        kinds: rows.map((x) => x.kind),
        answeredOn,
        replacedNoComment: !!hadNoComment,
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
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'query.against',
        detail: 'Phiên bản không thuộc quy chế được lấy ý kiến',
      });
    reg = (await versionRegulation(ctx.db, v.id)).reg;
  } else reg = (await draftOf(ctx.db, c)).reg;
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const users = new Map(
    (
      await ctx.db.query<{ id: string; display_name: string }>(
        'select u.id, u.display_name from app_user u where u.id in (select disposed_by from consultation_comment where consultation_id = $1)',
        [id],
      )
    ).rows.map((u) => [u.id, u.display_name]),
  );
  return (await commentsOf(ctx.db, id))
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
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_TRINH_THONG_QUA',
      field: 'params.id',
      detail: 'Dự thảo đã trình thông qua: không sửa việc tiếp thu, giải trình',
    });
  const x = (
    await ctx.db.query<CommentRow>('select * from consultation_comment where id = $1 and consultation_id = $2', [
      commentId,
      id,
    ])
  ).rows[0];
  if (!x) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy ý kiến' });
  if (x.kind === 'no_comment')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CAN_TIEP_THU',
      field: 'params.commentId',
      detail: '"Nhất trí, không có ý kiến" không cần tiếp thu, giải trình',
    });
  const problem = dispositionProblem({ disposition: input.disposition, explanation: input.explanation ?? null });
  if (problem) throw new ProblemError('VALIDATION_FAILED', { field: 'body.explanation', detail: problem });
  let adopted: string | null = null;
  if (input.disposition === 'not_accepted') {
    if (input.adoptedText)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.adoptedText',
        detail: 'Ý kiến không tiếp thu thì không đưa nội dung vào dự thảo',
      });
  } else {
    adopted = input.adoptedText ?? (input.disposition === 'accepted' ? x.proposed_text : null);
    if (adopted && !x.anchor_wid)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.adoptedText',
        detail: 'Ý kiến chung không gắn với khoản nào: sửa dự thảo ở bản chỉnh lý',
      });
    if (adopted) {
      const { reg } = await draftOf(ctx.db, c);
      const e = resolveAnchor(reg, { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote }).element;
      if (!e || (e.kind !== 'clause' && e.kind !== 'point'))
        throw new ProblemError('VALIDATION_FAILED', {
          field: 'body.adoptedText',
          detail: 'Nội dung tiếp thu thay cho một khoản hoặc một điểm; ý kiến này góp vào cả điều',
        });
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
    await ctx.audit(tx, {
      action: 'dispose',
      entity: 'consultation_comment',
      entityId: commentId,
      orgId: c.org_id,
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

/** Marks a recipient as not answering (or undoes it), so that it no longer blocks the submission. */
export async function stepRecipient(
  ctx: RequestContext,
  id: string,
  recipientId: string,
  input: In<typeof RecipientStepSchema>,
) {
  const { c, recipients } = await loadConsultation(ctx, id, 'manage');
  const r = recipients.find((x) => x.id === recipientId);
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không có nơi nhận này trong đợt lấy ý kiến' });
  if (input.notAnswering && r.answered_on)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_GOP_Y',
      field: 'body.notAnswering',
      detail: `${r.name} đã góp ý ngày ${r.answered_on.split('-').reverse().join('/')}`,
    });
  if (input.notAnswering && !input.note)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.note',
      detail: 'Ghi lý do xác định không góp ý (ví dụ: đã nhắc, quá hạn không trả lời)',
    });
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'consultation_recipient', recipientId, input.version, {
      not_answering: input.notAnswering,
      note: input.note ?? null,
    });
    await ctx.audit(tx, {
      action: 'update',
      entity: 'consultation_recipient',
      entityId: recipientId,
      orgId: c.org_id,
      before: { notAnswering: r.not_answering },
      after: { notAnswering: after['not_answering'], note: after['note'] },
    });
    await notifyConsultation(tx, id);
  });
  return getConsultation(ctx, id);
}

/** Reminders to the late recipients (once a day each), through the job system; the caller runs the jobs. */
export async function queueConsultationReminders(
  sql: Sql,
  c: Pick<ConsultationRow, 'id' | 'deadline' | 'state'>,
  today: string,
  minDaysApart = 1,
) {
  if (c.state !== 'open' || today <= c.deadline) return [];
  const late = (
    await sql.query<RecipientRow>(
      `select * from consultation_recipient where consultation_id = $1 and answered_on is null and not not_answering
        and (last_reminded_on is null or last_reminded_on <= $2::date - $3::int) order by name`,
      [c.id, today, minDaysApart],
    )
  ).rows;
  const names: string[] = [];
  for (const r of late) {
    if (
      await enqueue(sql, 'consultation_reminder', `consult:${r.id}:${today}`, {
        consultationId: c.id,
        recipientId: r.id,
        today,
      })
    )
      names.push(r.name);
    await sql.query('update consultation_recipient set last_reminded_on = $2 where id = $1', [r.id, today]);
  }
  return names;
}

export async function remindLate(ctx: RequestContext, id: string, run: () => Promise<unknown>) {
  const { c } = await loadConsultation(ctx, id, 'manage');
  const today = ctx.today();
  if (c.state !== 'open')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_KET_THUC_LAY_Y_KIEN',
      field: 'params.id',
      detail: 'Đợt lấy ý kiến đã kết thúc',
    });
  if (today <= c.deadline)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_DEN_HAN',
      field: 'params.id',
      detail: `Chưa hết hạn góp ý (${c.deadline.split('-').reverse().join('/')}): chưa có nơi nào chậm`,
    });
  const names = await ctx.db.transaction(async (tx) => {
    const n = await queueConsultationReminders(tx, c, today);
    await ctx.audit(tx, {
      action: 'remind',
      entity: 'consultation',
      entityId: id,
      orgId: c.org_id,
      after: { today, recipients: n },
    });
    return n;
  });
  await run();
  return { reminded: names };
}
