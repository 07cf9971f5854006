import { conveningCheck, isQuorate, MEETING_TRANSITIONS, noticeCheck } from '@quyche/core';
import type { MeetingState, Regulation } from '@quyche/core';
import { attendanceCounts, attendanceOf, listMeetingDocuments, sitesOf } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { chairView } from './meeting-chair.js';
import { loadBody } from './meeting.load.js';
import { conclusionDeadline, regulationFor, tryCheck, unlessNoRule } from './regulation-in-force.js';
import { reschedulesOf } from './meeting-reschedule.view.js';
import { agendaView, proposedAgenda } from './meeting-agenda.view.js';
import { conclusionView } from './conclusion.view.js';
import { attendanceLine, meetingWhen } from './meeting.presenter.js';

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
  const conveningBody = unlessNoRule(() => conveningCheck(r.reg, bodyKind, null, on).result.required);
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
  const documents = await listMeetingDocuments(ctx.db, m.id, ctx.user.clearance);
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
    ...meetingWhen(m),
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
    attendance: attendance.map((a) => ({ ...attendanceLine(a), personId: a.person_id })),
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
