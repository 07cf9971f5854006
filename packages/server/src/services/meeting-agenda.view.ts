import { formatDateVi } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import {
  listMeetingAgendaItems,
  listMeetingReservedOpinions,
  listMeetingVotes,
  meetingReturningTasks,
  nextRegularMeetingId,
  writtenResponseTally,
} from '@quyche/db';
import type { MeetingRow } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { competence } from './regulation-in-force.js';
import { meetingOver } from './meeting.load.js';

/** The agenda as the meeting's page shows it: each item with its competence check, votes, tally and (for those
 * entitled) reserved opinions. */
export async function agendaView(
  ctx: RequestContext,
  m: MeetingRow,
  bodyKind: string,
  bodyName: string,
  reg: Regulation | undefined,
) {
  const items = await listMeetingAgendaItems(ctx.db, m.id, ctx.user.clearance);
  const votes = await listMeetingVotes(ctx.db, m.id);
  const entitled = await ctx.can(m.org_id, 'read_reserved');
  const opinions = entitled ? await listMeetingReservedOpinions(ctx.db, m.id) : [];
  const tally = m.kind === 'written_consultation' ? await writtenResponseTally(ctx.db, m.id) : [];
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

/**
 * Tasks that come back to this meeting: due at it, or overdue from the body's decisions if it is its next regular one.
 */
export async function proposedAgenda(ctx: RequestContext, m: MeetingRow) {
  if (meetingOver(m.state)) return [];
  const today = ctx.today();
  const next = await nextRegularMeetingId(ctx.db, m.body_id, today);
  const rows = await meetingReturningTasks(ctx.db, {
    id: m.id,
    bodyId: m.body_id,
    isNextRegular: next === m.id,
    clearance: ctx.user.clearance,
    today,
  });
  return rows.map((t) => {
    const here = t.due_meeting_id === m.id;
    const given = t.source_label ? ` (giao tại ${t.source_label})` : '';
    return {
      taskId: t.id,
      kind: here ? ('due_here' as const) : ('overdue' as const),
      title: t.title,
      leadName: t.lead_name,
      due: t.due_effective,
      sourceLabel: t.source_label,
      reason_vi: here
        ? `Nhiệm vụ có hạn trình tại cuộc họp này${given}`
        : `Nhiệm vụ quá hạn từ ${formatDateVi(t.due_effective)}${given}: đề nghị ${t.lead_name ?? 'đơn vị chủ trì'} ` +
          'báo cáo tại phiên họp thường lệ gần nhất của cơ quan đã giao',
    };
  });
}
