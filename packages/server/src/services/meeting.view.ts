import {
  checkSixClear,
  conveningCheck,
  rollUpProgress,
  taskStatus,
  dueDate,
  EngineError,
  formatDateVi,
  parseDocumentSymbol,
  isQuorate,
  MEETING_TRANSITIONS,
  noticeCheck,
  parseRegulation,
  ProblemError,
  whoDecides,
} from '@quyche/core';
import type { Answer, MeetingState, Regulation, TaskLead, TaskState } from '@quyche/core';
import {
  attendanceCounts,
  attendanceOf,
  getBody,
  getMeeting,
  regulationSourceText,
  regulationVersionInForce,
  sitesOf,
} from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { chairView } from './meeting-chair.js';
import { loadBody } from './meeting.load.js';
import { check, competence, conclusionDeadline, regulationFor, tryCheck } from './regulation-in-force.js';
import type { Check } from './regulation-in-force.js';
import { reschedulesOf } from './meeting-reschedule.view.js';

/**
 * The meeting as its page shows it: every check comes from the regulation in force on the meeting date and cites
 * its clause. Shared by the meeting use cases, the live updates and the reports.
 */

/** What a meeting form needs of the regulation: its bodies, matters (with their attributes), topics, who convenes. */
function regulationSummary(
  r: { reg: Regulation; versionId: string; regulationId: string; expression: string },
  bodyKind: string,
  on: string,
) {
  const fm = r.reg.frontMatter;
  let conveningBody: string | null = null;
  try {
    conveningBody = conveningCheck(r.reg, bodyKind, null, on).result.required;
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
  }
  return {
    versionId: r.versionId,
    regulationId: r.regulationId,
    expression: r.expression,
    conveningBody,
    bodies: Object.entries(fm.bodies ?? {}).map(([code, b]) => ({ code, name: b.name ?? code })),
    matters: Object.entries(fm.matters ?? {}).map(([code, m]) => ({
      code,
      name: m.name ?? code,
      attributes: Object.keys(m.attributes ?? {}),
    })),
    topics: Object.entries(fm.topics ?? {}).map(([code, name]) => ({ code, name: String(name) })),
  };
}

export interface Counts {
  summoned: number;
  present: number;
  absentExcused: number;
  absent: number;
  guests: number;
}

/** Counts and the live quorum (R5) of a meeting, overall and per connection point: what every site sees live. */
export async function liveSummary(sql: Sql, m: MeetingRow, bodyKind: string, reg: Regulation | undefined) {
  return summarize(m, bodyKind, reg, await attendanceCounts(sql, m.id), await sitesOf(sql, m.id));
}

/** Counts, quorum and connection points of a meeting from its attendance counted by site, role and status. */
function summarize(
  m: MeetingRow,
  bodyKind: string,
  reg: Regulation | undefined,
  rows: { site_id: string | null; role: string; status: string; n: number }[],
  sites: { id: string; name: string }[],
) {
  const counts: Counts = { summoned: 0, present: 0, absentExcused: 0, absent: 0, guests: 0 };
  const perSite = new Map(sites.map((s) => [s.id, { id: s.id, name: s.name, summoned: 0, present: 0, guests: 0 }]));
  for (const r of rows) {
    const site = r.site_id ? perSite.get(r.site_id) : undefined;
    if (r.role === 'guest') {
      counts.guests += r.n;
      if (site) site.guests += r.n;
      continue;
    }
    counts.summoned += r.n;
    if (r.status === 'present') counts.present += r.n;
    if (r.status === 'absent_excused') counts.absentExcused += r.n;
    if (r.status === 'absent') counts.absent += r.n;
    if (site) {
      site.summoned += r.n;
      if (r.status === 'present') site.present += r.n;
    }
  }
  // Before anyone is marked present or absent the quorum is not yet known ("chưa điểm danh"), not failed.
  const taken = counts.present + counts.absentExcused + counts.absent > 0;
  const quorum =
    reg && counts.summoned > 0 && taken
      ? tryCheck(() =>
          isQuorate(reg, bodyKind, { summoned: counts.summoned, present: counts.present }, m.meeting_date, m.kind),
        )
      : null;
  return {
    meetingId: m.id,
    version: m.version,
    state: m.state,
    counts,
    quorum,
    sites: [...perSite.values()],
    at: new Date().toISOString(),
  };
}

type AgendaRow = {
  id: string;
  position: number;
  title: string;
  matter: string | null;
  attributes: Record<string, unknown>;
  topic: string | null;
  presenting_unit: string | null;
  reports_back: boolean;
  confidentiality: number;
};
type VoteRow = {
  id: string;
  agenda_item_id: string;
  method: string;
  yes: number;
  no: number;
  abstain: number;
  total_members: number;
  present: number;
  passed: boolean;
  outcome: { reason_vi: string; ruleIds?: string[]; eIds?: string[] };
};

async function agendaView(
  ctx: RequestContext,
  m: MeetingRow,
  bodyKind: string,
  bodyName: string,
  reg: Regulation | undefined,
) {
  const items = (
    await ctx.db.query<AgendaRow>(
      'select * from agenda_item where meeting_id = $1 and confidentiality <= $2 order by position',
      [m.id, ctx.user.clearance],
    )
  ).rows;
  const votes = (
    await ctx.db.query<VoteRow>(
      'select v.* from vote v join agenda_item i on i.id = v.agenda_item_id where i.meeting_id = $1 order by v.created_at, v.id',
      [m.id],
    )
  ).rows;
  const entitled = await ctx.can(m.org_id, 'read_reserved');
  const opinions = entitled
    ? (
        await ctx.db.query<{
          id: string;
          agenda_item_id: string;
          person_id: string;
          full_name: string;
          text: string;
          created_at: Date;
        }>(
          'select r.id, r.agenda_item_id, r.person_id, p.full_name, r.text, r.created_at from reserved_opinion r join person p on p.id = r.person_id where r.meeting_id = $1 order by r.created_at',
          [m.id],
        )
      ).rows
    : [];
  const tally =
    m.kind === 'written_consultation'
      ? (
          await ctx.db.query<{ agenda_item_id: string; choice: string; n: number }>(
            'select agenda_item_id, choice, count(*)::int as n from written_response where meeting_id = $1 group by agenda_item_id, choice',
            [m.id],
          )
        ).rows
      : [];
  return items.map((i) => {
    const t = tally.filter((x) => x.agenda_item_id === i.id);
    const n = (c: string) => t.find((x) => x.choice === c)?.n ?? 0;
    return {
      id: i.id,
      position: i.position,
      title: i.title,
      matter: i.matter,
      matterName: (i.matter && reg?.frontMatter.matters?.[i.matter]?.name) || null,
      attributes: (i.attributes ?? {}) as Record<string, number | string | boolean>,
      topic: i.topic,
      presentingUnit: i.presenting_unit,
      reportsBack: i.reports_back,
      confidentiality: i.confidentiality,
      competence:
        reg && i.matter ? competence(reg, bodyKind, bodyName, i.matter, i.attributes ?? {}, m.meeting_date) : null,
      votes: votes
        .filter((v) => v.agenda_item_id === i.id)
        .map((v) => ({
          id: v.id,
          method: v.method,
          yes: v.yes,
          no: v.no,
          abstain: v.abstain,
          totalMembers: v.total_members,
          present: v.present,
          passed: v.passed,
          reason_vi: v.outcome.reason_vi,
          ruleIds: v.outcome.ruleIds ?? [],
          eIds: v.outcome.eIds ?? [],
        })),
      ...(entitled
        ? {
            reservedOpinions: opinions
              .filter((o) => o.agenda_item_id === i.id)
              .map((o) => ({
                id: o.id,
                personId: o.person_id,
                fullName: o.full_name,
                text: o.text,
                createdAt: new Date(o.created_at).toISOString(),
              })),
          }
        : {}),
      writtenTally:
        m.kind === 'written_consultation'
          ? {
              agree: n('agree'),
              disagree: n('disagree'),
              abstain: n('abstain'),
              replied: n('agree') + n('disagree') + n('abstain'),
            }
          : null,
    };
  });
}

type ConclusionRow = {
  id: string;
  symbol: string;
  issued_on: string;
  summary: string;
  signer_person_id: string | null;
  signer_name: string | null;
  signer_for: string | null;
  signer_position: string | null;
  recipients: string[];
};
type ItemRow = {
  id: string;
  position: number;
  kind: string;
  text: string;
  leads: TaskLead[];
  supporting: TaskLead[];
  due_date: string | null;
  due_meeting_id: string | null;
  due_label: string | null;
  supervisor_person_id: string | null;
  supervisor_name: string | null;
  deciding_body: string | null;
  product: string | null;
};

export async function conclusionView(
  sql: Sql,
  meetingId: string,
  reg: Regulation | undefined,
  meetingDate: string,
  today: string,
) {
  const c = (
    await sql.query<ConclusionRow>(
      'select c.*, p.full_name as signer_name from conclusion c left join person p on p.id = c.signer_person_id where c.meeting_id = $1',
      [meetingId],
    )
  ).rows[0];
  if (!c) return null;
  const items = (
    await sql.query<ItemRow>(
      'select i.*, p.full_name as supervisor_name from conclusion_item i left join person p on p.id = i.supervisor_person_id where i.conclusion_id = $1 order by i.position',
      [c.id],
    )
  ).rows;
  const tasks = new Map(
    (
      await sql.query<{
        id: string;
        source_id: string;
        state: TaskState;
        percent: number;
        weight: number;
        due_date: string | null;
        extended_to: string | null;
      }>(
        "select id, source_id, state, percent, weight, due_date, extended_to from task where source_kind = 'conclusion_item' and source_id = any($1::uuid[])",
        [items.map((i) => i.id)],
      )
    ).rows.map((t) => [t.source_id, t]),
  );
  const taskOf = (itemId: string) => {
    const t = tasks.get(itemId);
    if (!t) return null;
    const st = taskStatus({ state: t.state, dueDate: t.due_date, extendedTo: t.extended_to }, today);
    return {
      id: t.id,
      state: t.state,
      percent: Number(t.percent),
      overdue: st.overdue,
      label_vi: st.label_vi,
      weight: t.weight,
    };
  };
  const actions = items.filter((i) => i.kind === 'action').map((i) => taskOf(i.id));
  const progress = {
    percent: rollUpProgress(
      actions.map((t) => (t ? { percent: t.percent, weight: t.weight, state: t.state } : { percent: 0 })),
    ),
    actionItems: actions.length,
    tasks: actions.filter(Boolean).length,
    done: actions.filter((t) => t?.state === 'done').length,
    overdue: actions.filter((t) => t?.overdue).length,
  };
  return {
    progress,
    id: c.id,
    docType: parseDocumentSymbol(c.symbol)?.type === 'KL' ? ('KL' as const) : ('TB' as const),
    symbol: c.symbol,
    issuedOn: c.issued_on,
    summary: c.summary,
    signer: { personId: c.signer_person_id, name: c.signer_name, for: c.signer_for, position: c.signer_position },
    recipients: c.recipients ?? [],
    deadline: reg ? conclusionDeadline(reg, meetingDate, c.issued_on, today) : null,
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      kind: i.kind,
      text: i.text,
      leads: i.leads ?? [],
      supporting: i.supporting ?? [],
      dueDate: i.due_date,
      dueMeetingId: i.due_meeting_id,
      dueLabel: i.due_label,
      supervisorPersonId: i.supervisor_person_id,
      supervisorName: i.supervisor_name,
      decidingBody: i.deciding_body,
      product: i.product,
      sixClear:
        i.kind === 'action'
          ? checkSixClear({
              title: i.text,
              leads: i.leads ?? [],
              supporting: i.supporting ?? [],
              due: { date: i.due_date, meetingId: i.due_meeting_id, label: i.due_label },
              supervisorId: i.supervisor_person_id,
              decidingBody: i.deciding_body,
              product: i.product,
            })
          : null,
      task: i.kind === 'action' ? taskOf(i.id) : null,
    })),
  };
}

/** Tasks that come back to this meeting: due at it, or overdue from the body's decisions if it is its next regular one. */
async function proposedAgenda(ctx: RequestContext, m: MeetingRow) {
  if (['closed', 'minutes_approved', 'cancelled'].includes(m.state)) return [];
  const today = ctx.today();
  const next = (
    await ctx.db.query<{ id: string }>(
      "select id from meeting where body_id = $1 and kind = 'regular' and state in ('planned', 'convened', 'documents_sent', 'in_session') and meeting_date >= $2 order by meeting_date, id limit 1",
      [m.body_id, today],
    )
  ).rows[0];
  const rows = (
    await ctx.db.query<{
      id: string;
      title: string;
      lead_name: string | null;
      due_effective: string | null;
      due_label: string | null;
      source_label: string | null;
      due_meeting_id: string | null;
    }>(
      `select id, title, lead_name, due_effective, due_label, source_label, due_meeting_id from task
        where confidentiality <= $4 and state in ('assigned', 'in_progress', 'reported')
          and (due_meeting_id = $1 or ($3 and source_body_id = $2 and state <> 'reported' and due_effective < $5))
        order by due_effective nulls last, id limit 200`,
      [m.id, m.body_id, next?.id === m.id, ctx.user.clearance, today],
    )
  ).rows;
  return rows.map((t) => {
    const here = t.due_meeting_id === m.id;
    return {
      taskId: t.id,
      kind: here ? ('due_here' as const) : ('overdue' as const),
      title: t.title,
      leadName: t.lead_name,
      due: t.due_effective,
      sourceLabel: t.source_label,
      reason_vi: here
        ? `Nhiệm vụ có hạn trình tại cuộc họp này${t.source_label ? ` (giao tại ${t.source_label})` : ''}`
        : `Nhiệm vụ quá hạn từ ${formatDateVi(t.due_effective)}${t.source_label ? ` (giao tại ${t.source_label})` : ''}: đề nghị ${t.lead_name ?? 'đơn vị chủ trì'} báo cáo tại phiên họp thường lệ gần nhất của cơ quan đã giao`,
    };
  });
}

export async function meetingView(ctx: RequestContext, m: MeetingRow) {
  const body = await loadBody(ctx.db, m.body_id);
  const r = await regulationFor(ctx.db, m.org_id, m.meeting_date);
  const reg = r?.reg;
  const attendance = await attendanceOf(ctx.db, m.id);
  const sites = await sitesOf(ctx.db, m.id);
  // The counts come from the attendance just read: one query less than the live summary's own (and the same rows).
  const live = summarize(
    m,
    body.kind,
    reg,
    attendance.map((a) => ({ site_id: a.site_id, role: a.role, status: a.status, n: 1 })),
    sites,
  );
  const documents = (
    await ctx.db.query<{
      id: string;
      title: string;
      doc_type: string | null;
      agenda_item_id: string | null;
      confidentiality: number;
      file_name: string | null;
      size: number | null;
      created_at: Date;
    }>(
      'select id, title, doc_type, agenda_item_id, confidentiality, file_name, size, created_at from meeting_document where meeting_id = $1 and confidentiality <= $2 order by created_at, id',
      [m.id, ctx.user.clearance],
    )
  ).rows;
  const conclusion = await conclusionView(ctx.db, m.id, reg, m.meeting_date, ctx.today());
  const held = ['in_session', 'closed', 'minutes_approved'].includes(m.state);
  return {
    id: m.id,
    orgId: m.org_id,
    bodyId: m.body_id,
    bodyKind: body.kind,
    bodyName: body.name,
    kind: m.kind as never,
    state: m.state,
    allowedSteps: [...MEETING_TRANSITIONS[m.state as MeetingState]],
    title: m.title,
    meetingDate: m.meeting_date,
    startsAt: m.starts_at,
    location: m.location,
    format: m.format,
    provinceWide: m.province_wide,
    consultationDeadline: m.consultation_deadline,
    convenedBy: m.convened_by,
    conveningRef: m.convening_ref,
    documentsSentOn: m.documents_sent_on,
    openedOn: m.opened_on,
    closedOn: m.closed_on,
    cancelReason: m.cancel_reason,
    chair: await chairView(ctx.db, m),
    secretaryName: m.secretary_name,
    reschedules: await reschedulesOf(ctx.db, m.id),
    confidentiality: m.confidentiality,
    version: m.version,
    can: {
      write: await ctx.can(m.org_id, 'write', m.confidentiality),
      readReserved: await ctx.can(m.org_id, 'read_reserved'),
    },
    regulation: r ? regulationSummary(r, body.kind, m.meeting_date) : null,
    checks: {
      convening:
        reg && m.state !== 'planned' && m.state !== 'cancelled'
          ? tryCheck(() => conveningCheck(reg, body.kind, m.convened_by, m.meeting_date))
          : null,
      notice:
        reg && m.documents_sent_on
          ? tryCheck(() => noticeCheck(reg, body.kind, m.meeting_date, m.documents_sent_on!))
          : null,
      quorum: live.quorum,
      conclusionDeadline:
        reg && held && (m.kind === 'regular' || m.kind === 'extraordinary')
          ? conclusionDeadline(reg, m.meeting_date, conclusion?.issuedOn ?? null, ctx.today())
          : null,
    },
    attendance: attendance.map((a) => ({
      id: a.id,
      personId: a.person_id,
      fullName: a.full_name,
      title: a.title,
      role: a.role,
      status: a.status,
      reason: a.reason,
      siteId: a.site_id,
    })),
    counts: live.counts,
    sites: sites.map((s) => {
      const l = live.sites.find((x) => x.id === s.id)!;
      return {
        id: s.id,
        name: s.name,
        hostOrgId: s.host_org_id,
        leadPersonId: s.lead_person_id,
        leadName: s.lead_name,
        summoned: l.summoned,
        present: l.present,
        guests: l.guests,
      };
    }),
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      docType: d.doc_type,
      agendaItemId: d.agenda_item_id,
      confidentiality: d.confidentiality,
      fileName: d.file_name,
      size: d.size,
      createdAt: new Date(d.created_at).toISOString(),
    })),
    agenda: await agendaView(ctx, m, body.kind, body.name, reg),
    minutes: m.minutes_text ? { text: m.minutes_text, approvedOn: m.minutes_approved_on } : null,
    conclusion,
    proposedAgenda: await proposedAgenda(ctx, m),
  };
}
