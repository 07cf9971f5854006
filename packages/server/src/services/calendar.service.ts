import {
  checkConferenceQuota,
  conferenceQuota,
  EngineError,
  HELD_STATES,
  isConference,
  isQuorate,
  MEETING_KIND_LABELS,
  noticeCheck,
  regimeCalendar,
} from '@quyche/core';
import type { CalendarMeeting, MeetingKind } from '@quyche/core';
import {
  agendaMattersOfMeetings,
  calendarMeetings,
  conclusionsOfMeetings,
  conferenceBaselineOf,
  meetingMemberCountsOf,
  regimeBodiesOf,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import {
  competence,
  conclusionDeadline,
  regulationFor,
  regulationTimeline,
  unlessNoRule,
} from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';

/** Bodies whose meeting regime the regulation sets: the calendar and the deviation report cover these. */
export const REGIME_BODIES = ['BCH', 'BTV', 'TT'];

type Row = Awaited<ReturnType<typeof calendarMeetings>>[number];

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
/** The regulation a year is judged under: the one in force at its end, or today for the current year. */
const judgedOn = (year: number, asOf: string) =>
  asOf < `${year}-12-31` ? (asOf < `${year}-01-01` ? `${year}-01-01` : asOf) : `${year}-12-31`;

const toCal = (m: Row): CalendarMeeting => ({
  id: m.id,
  date: m.meeting_date,
  kind: m.kind,
  state: m.state,
  title: m.title,
});

/** The calendar a body's regime implies for a year, beside its meetings, and the periods short of the regime. */
export async function bodyCalendar(ctx: RequestContext, bodyId: string, year: number, asOfIn?: string) {
  const body = await loadBody(ctx.db, bodyId);
  await ctx.assertOrg(body.org_id, 'read', body.confidentiality);
  const asOf = asOfIn ?? ctx.today();
  const range = yearRange(year);
  const tl = await regulationTimeline(ctx.db, body.org_id, range.to);
  const meetings = await calendarMeetings(ctx.db, { bodyId, ...range, clearance: ctx.user.clearance });
  const a = unlessNoRule(() => regimeCalendar(tl.at, body.kind, range, meetings.map(toCal), asOf));
  const regime = a && {
    periods: a.result.periods,
    deviations: a.result.deviations,
    reason_vi: a.reason_vi,
    ruleIds: a.ruleIds,
    eIds: a.eIds,
  };
  return {
    body: { id: body.id, kind: body.kind, name: body.name },
    year,
    asOf,
    regulations: tl.versions,
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      state: m.state,
      title: m.title,
      meetingDate: m.meeting_date,
    })),
    regime,
  };
}

export interface Deviation {
  code: string;
  bodyKind: string;
  bodyName: string;
  date: string;
  meetingId: string | null;
  meetingTitle: string | null;
  period: string | null;
  message_vi: string;
  ruleIds: string[];
  eIds: string[];
}

/**
 * Everything in a year's meetings that departs from the regulation, each with its clause: periods short of the
 * regime (R6), documents sent late (R7), a meeting held without a quorum (R5), a conclusion notice late or missing
 * (R8), a matter put before a body that is not competent or pushed up from a lower level (R9). Meetings still to
 * come are not judged.
 */
export async function deviationReport(ctx: RequestContext, orgId: string, year: number, asOfIn?: string) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = asOfIn ?? ctx.today();
  const { regulations, deviations } = await deviationsIn(ctx.db, orgId, yearRange(year), asOf, ctx.user.clearance);
  return { orgId, year, asOf, regulations, deviations };
}

/** A regime body of the organization in a span of dates, with its regime over the span (what a review counts). */
export interface RegimeBodyPeriod {
  bodyId: string;
  bodyKind: string;
  bodyName: string;
  required: number;
  held: string[];
}

/**
 * The departures of an organization's meetings between two dates, judged as of `asOf` (the caller has checked
 * access), and each regime body's regular meetings held against those required.
 */
export async function deviationsIn(
  sql: Sql,
  orgId: string,
  range: { from: string; to: string },
  asOf: string,
  clearance: number,
) {
  const tl = await regulationTimeline(sql, orgId, range.to);
  const out: Deviation[] = [];
  const regimes: RegimeBodyPeriod[] = [];
  const meetings = await calendarMeetings(sql, { orgId, from: range.from, to: range.to, clearance });
  const bodies = await regimeBodiesOf(sql, orgId, REGIME_BODIES, range, clearance);
  for (const b of bodies) {
    try {
      const a = regimeCalendar(tl.at, b.kind, range, meetings.filter((m) => m.body_id === b.id).map(toCal), asOf);
      for (const d of a.result.deviations)
        out.push({
          code: d.code,
          bodyKind: b.kind,
          bodyName: b.name,
          date: d.period.from,
          meetingId: null,
          meetingTitle: null,
          period: d.period.label_vi,
          message_vi: d.message_vi,
          ruleIds: d.ruleIds,
          eIds: d.eIds,
        });
      const ps = a.result.periods;
      regimes.push({
        bodyId: b.id,
        bodyKind: b.kind,
        bodyName: b.name,
        required: ps.reduce((n, p) => n + p.expected, 0),
        held: meetings
          .filter(
            (m) =>
              m.body_id === b.id &&
              m.kind === 'regular' &&
              (HELD_STATES as readonly string[]).includes(m.state) &&
              m.meeting_date <= asOf,
          )
          .map((m) => m.id),
      });
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
    }
  }
  const held = meetings.filter((m) => (HELD_STATES as readonly string[]).includes(m.state) && m.meeting_date <= asOf);
  const ids = held.map((m) => m.id);
  const counts = new Map((await meetingMemberCountsOf(sql, ids)).map((x) => [x.meeting_id, x]));
  const conclusions = new Map((await conclusionsOfMeetings(sql, ids)).map((x) => [x.meeting_id, x]));
  const items = await agendaMattersOfMeetings(sql, ids, clearance);
  for (const m of held) {
    const reg = tl.at(m.meeting_date);
    if (!reg) continue;
    const at = {
      bodyKind: m.body_kind,
      bodyName: m.body_name,
      date: m.meeting_date,
      meetingId: m.id,
      meetingTitle: m.title,
      period: null,
    };
    const push = (code: string, c: { reason_vi: string; ruleIds: string[]; eIds: string[] } | null | undefined) => {
      if (c) out.push({ code, ...at, message_vi: c.reason_vi, ruleIds: c.ruleIds, eIds: c.eIds });
    };
    const guard = <T>(f: () => T): T | null => {
      try {
        return f();
      } catch (e) {
        if (e instanceof EngineError) return null;
        throw e;
      }
    };
    if (m.documents_sent_on) {
      const n = guard(() => noticeCheck(reg, m.body_kind, m.meeting_date, m.documents_sent_on!));
      if (n && !n.result.ok) push('TAI_LIEU_GUI_CHAM', n);
    }
    const c = counts.get(m.id);
    if (c && c.summoned > 0 && m.kind !== 'written_consultation') {
      const q = guard(() => isQuorate(reg, m.body_kind, c, m.meeting_date, m.kind));
      if (q && !q.result.valid) push('KHONG_DU_DIEU_KIEN_HOP_LE', q);
    }
    // R8 is about meetings that decide (regular and extraordinary ones), not briefings or conferences that relay.
    if (m.kind === 'regular' || m.kind === 'extraordinary') {
      const cd = conclusionDeadline(reg, m.meeting_date, conclusions.get(m.id)?.issued_on ?? null, asOf);
      if (cd && !cd.ok) push(conclusions.has(m.id) ? 'THONG_BAO_KET_LUAN_CHAM' : 'CHUA_CO_THONG_BAO_KET_LUAN', cd);
    }
    for (const it of items.filter((x) => x.meeting_id === m.id)) {
      const k = competence(reg, m.body_kind, m.body_name, it.matter, it.attributes ?? {}, m.meeting_date);
      if (!k.ok) push('SAI_THAM_QUYEN', { ...k, reason_vi: `"${it.title}": ${k.reason_vi}` });
    }
  }
  out.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
  return { regulations: tl.versions, deviations: out, regimes, meetings: held, at: tl.at };
}

/** R10: the year's conferences against the quotas the regulation sets, compared with the year before. */
export async function conferenceQuotaReport(ctx: RequestContext, orgId: string, year: number, asOfIn?: string) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = asOfIn ?? ctx.today();
  const r = await regulationFor(ctx.db, orgId, judgedOn(year, asOf));
  const count = async (y: number) => {
    // Every conference counts once planned: the quota is about the year's plan as much as its record.
    const ms = (
      await calendarMeetings(ctx.db, {
        orgId,
        from: `${y}-01-01`,
        to: `${y}-12-31`,
        withoutCancelled: true,
        clearance: ctx.user.clearance,
      })
    ).filter((m) => isConference({ bodyKind: m.body_kind, kind: m.kind }));
    return {
      meetings: ms,
      total: ms.length,
      inPerson: ms.filter((m) => m.format === 'in_person').length,
      provinceWide: ms.filter((m) => m.province_wide).length,
    };
  };
  const now = await count(year);
  const before = await count(year - 1);
  const baseline = await conferenceBaselineOf(ctx.db, orgId, year - 1);
  const lastYearTotal = before.total > 0 ? before.total : (baseline?.total ?? null);
  const lastYearSource: 'records' | 'baseline' | null = before.total > 0 ? 'records' : baseline ? 'baseline' : null;
  const q = r && unlessNoRule(() => conferenceQuota(r.reg, judgedOn(year, asOf)));
  const counted = { total: now.total, inPerson: now.inPerson, provinceWide: now.provinceWide, lastYearTotal };
  const quota = q ? { rule: q.result, ...checkConferenceQuota(counted, q) } : null;
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    const inMonth = now.meetings.filter((m) => m.meeting_date.slice(5, 7) === mm);
    return {
      month: i + 1,
      inPerson: inMonth.filter((m) => m.format === 'in_person').length,
      online: inMonth.filter((m) => m.format !== 'in_person').length,
    };
  });
  return {
    orgId,
    year,
    regulation: r ? { versionId: r.versionId, regulationId: r.regulationId, expression: r.expression } : null,
    totals: {
      total: now.total,
      inPerson: now.inPerson,
      online: now.total - now.inPerson,
      provinceWide: now.provinceWide,
      lastYearTotal,
      lastYearSource,
      lastYearNote: lastYearSource === 'baseline' ? (baseline?.note ?? null) : null,
    },
    byMonth,
    conferences: now.meetings.map((m) => ({
      id: m.id,
      title: m.title,
      meetingDate: m.meeting_date,
      bodyName: m.body_name,
      kind: m.kind,
      kindLabel: MEETING_KIND_LABELS[m.kind as MeetingKind]?.vi ?? m.kind,
      format: m.format,
      provinceWide: m.province_wide,
    })),
    quota,
  };
}
