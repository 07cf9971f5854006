import { EngineError, HELD_STATES, INDICATOR_BY_CODE, isConference, standingIn, whoDecides } from '@quyche/core';
import type { EvidenceKind, Regulation } from '@quyche/core';
import {
  reviewConclusionActions,
  reviewConclusions,
  reviewConsultationRecipients,
  reviewDecidedTasks,
  reviewDecisions,
  reviewInspections,
  reviewProgramItems,
  reviewRecommendations,
  reviewRegulationImpacts,
  reviewSessions,
  reviewShortcomings,
  reviewTaskFlags,
} from '@quyche/db';
import type { Sql, TaskFlags } from '@quyche/db';
import { deviationsIn } from './calendar.service.js';
import type { Deviation } from './calendar.service.js';
import { competence } from './regulation-in-force.js';

/**
 * The figures of an organization's review over a span of dates, counted from its record as of `asOf` (the span's
 * end, or today for a span still running), each with the ids of the records behind it. Pure counting: access is
 * checked by the caller.
 */
export interface RawIndicator {
  code: string;
  bodyId?: string;
  bodyName?: string;
  bodyKind?: string;
  value: number;
  kind: EvidenceKind;
  ids: string[];
}

export type { TaskFlags } from '@quyche/db';

export interface PeriodRecord {
  indicators: RawIndicator[];
  deviations: (Deviation & { id: string })[];
  tasks: TaskFlags[];
  /** The regulation in force on `asOf` (the clauses cited). */
  regulation: Regulation | undefined;
}

/** The deviation codes of the meeting record, by the indicator that counts them. */
export const DEVIATION_INDICATORS: Record<string, string> = {
  THIEU_KY_HOP_THUONG_LE: 'meetings_short_of_regime',
  TAI_LIEU_GUI_CHAM: 'documents_late',
  KHONG_DU_DIEU_KIEN_HOP_LE: 'meetings_without_quorum',
  THONG_BAO_KET_LUAN_CHAM: 'conclusions_late',
  CHUA_CO_THONG_BAO_KET_LUAN: 'conclusions_late',
  SAI_THAM_QUYEN: 'agenda_outside_competence',
};

/**
 * The ids departures are known by in the evidence: the code with its meeting (numbered when a meeting has several of
 * a kind, two agenda items outside competence), or with the body and the month or quarter it concerns.
 */
export function withDeviationIds(deviations: Deviation[]): (Deviation & { id: string })[] {
  const seen = new Map<string, number>();
  return deviations.map((d) => {
    const base = d.meetingId ? `${d.code}:${d.meetingId}` : `${d.code}:${d.bodyKind}:${d.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...d, id: n === 1 ? base : `${base}:${n}` };
  });
}

export async function periodRecord(
  sql: Sql,
  orgId: string,
  range: { from: string; to: string },
  asOf: string,
  clearance: number,
): Promise<PeriodRecord> {
  const end = asOf < range.to ? asOf : range.to;
  const out: RawIndicator[] = [];
  const add = (code: string, kind: EvidenceKind, ids: string[], extra: Partial<RawIndicator> = {}) => {
    if (!INDICATOR_BY_CODE.has(code)) throw new Error(`indicator ${code} is not in the catalog`);
    out.push({ code, kind, ids, value: ids.length, ...extra });
  };

  // Meetings and their departures from the regulation.
  const m = await deviationsIn(sql, orgId, range, end, clearance);
  for (const r of m.regimes) {
    const body = { bodyId: r.bodyId, bodyName: r.bodyName, bodyKind: r.bodyKind };
    add('meetings_required', 'meeting', r.held, { ...body, value: r.required });
    add('meetings_held', 'meeting', r.held, body);
  }
  add(
    'meetings_other',
    'meeting',
    m.meetings.filter((x) => x.kind !== 'regular').map((x) => x.id),
  );
  // The conferences the quota of Kết luận 226-KL/TW counts, and those held in person.
  const conferences = m.meetings.filter((x) => isConference({ bodyKind: x.body_kind, kind: x.kind }));
  add(
    'conferences_held',
    'meeting',
    conferences.map((x) => x.id),
  );
  add(
    'conferences_in_person',
    'meeting',
    conferences.filter((x) => x.format === 'in_person').map((x) => x.id),
  );
  const deviations = withDeviationIds(m.deviations);
  add(
    'deviations',
    'deviation',
    deviations.map((d) => d.id),
  );
  for (const code of new Set(Object.values(DEVIATION_INDICATORS))) {
    add(
      code,
      'deviation',
      deviations.filter((d) => DEVIATION_INDICATORS[d.code] === code).map((d) => d.id),
    );
  }

  const span = { orgId, from: range.from, end, clearance };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  // Decisions under a rule that asks for a report back (the TT's between two BTV sessions, khoản 2 Điều 3), and
  // whether the next session of the body reported to, held by the period's end, heard a report back.
  const decisions = await reviewDecisions(sql, span, HELD_STATES);
  const sessions = await reviewSessions(sql, span, HELD_STATES);
  const toReport = decisions.flatMap((d) => {
    const reg = m.at(d.meeting_date);
    if (!reg) return [];
    try {
      const who = whoDecides(reg, d.matter, d.attributes ?? {}, d.meeting_date).result;
      return who.report_to && who.body === d.body_kind ? [{ ...d, to: who.report_to }] : [];
    } catch (e) {
      if (e instanceof EngineError) return [];
      throw e;
    }
  });
  const nextSession = (d: { meeting_date: string; to: string }) =>
    sessions.find((s) => s.body_kind === d.to && s.meeting_date > d.meeting_date);
  add('delegated_decisions', 'agenda_item', ids(toReport));
  add('delegated_reported_back', 'agenda_item', ids(toReport.filter((d) => nextSession(d)?.reported === true)));
  add('delegated_not_reported_back', 'agenda_item', ids(toReport.filter((d) => nextSession(d)?.reported === false)));

  // Conclusions issued in the period, their action items, and which of those a task follows.
  const conclusions = await reviewConclusions(sql, span);
  add('conclusions_issued', 'conclusion', ids(conclusions));
  const actions = await reviewConclusionActions(sql, ids(conclusions), end);
  add('conclusion_actions', 'conclusion_item', ids(actions));
  add('conclusion_actions_followed', 'conclusion_item', ids(actions.filter((a) => a.followed)));

  // Tasks: one pass over those that matter to the period, counted here and by lead and supervisor.
  const tasks: TaskFlags[] = await reviewTaskFlags(sql, span);
  add('tasks_assigned', 'task', ids(tasks.filter((t) => t.assigned)));
  add('tasks_done_on_time', 'task', ids(tasks.filter((t) => t.on_time)));
  add('tasks_done_late', 'task', ids(tasks.filter((t) => t.late)));
  add('tasks_overdue', 'task', ids(tasks.filter((t) => t.overdue)));
  add('tasks_extended', 'task', ids(tasks.filter((t) => t.extended)));
  // Tasks assigned in the period for a kind of matter the deciding body has no competence over (R9).
  const decided = await reviewDecidedTasks(sql, span);
  add(
    'tasks_outside_competence',
    'task',
    ids(
      decided.filter((t) => {
        const reg = m.at(t.assigned_on);
        if (!reg) return false;
        const name =
          reg.frontMatter.bodies?.[t.deciding_body]?.name ??
          reg.frontMatter.roles?.[t.deciding_body] ??
          t.deciding_body;
        return !competence(reg, t.deciding_body, name, t.matter, t.matter_attributes ?? {}, t.assigned_on).ok;
      }),
    ),
  );

  // Program items due in the period, of programs adopted by its end; done when every task under it is.
  const items = await reviewProgramItems(sql, span, range.to);
  add('program_items_planned', 'program_item', ids(items));
  add('program_items_done', 'program_item', ids(items.filter((i) => i.done)));

  const inspections = await reviewInspections(sql, span);
  add('inspections_concluded', 'inspection', ids(inspections.filter((i) => i.concluded)));
  add('inspections_remedies_verified', 'inspection', ids(inspections.filter((i) => i.verified)));

  const recs = await reviewRecommendations(sql, span);
  add('recommendations_received', 'recommendation', ids(recs.filter((r) => r.received)));
  add('recommendations_answered_on_time', 'recommendation', ids(recs.filter((r) => r.on_time)));
  add('recommendations_answered_late', 'recommendation', ids(recs.filter((r) => r.late)));
  add('recommendations_overdue', 'recommendation', ids(recs.filter((r) => r.overdue)));

  const recipients = await reviewConsultationRecipients(sql, span, range.to);
  add('consultation_recipients', 'consultation_recipient', ids(recipients));
  add('consultation_answered', 'consultation_recipient', ids(recipients.filter((r) => r.answered)));

  // Shortcomings: carried into the period, named in it, fixed in it, still open at its end.
  const shortcomings = await reviewShortcomings(sql, span);
  const standing = shortcomings.map((x) => ({
    id: x.id,
    s: standingIn(
      {
        id: x.id,
        identifiedOn: x.identified_on,
        fixedOn: x.fixed_on && x.fixed_on <= end ? x.fixed_on : null,
        dueDate: x.due_date,
        fromReview: x.from_review,
      },
      { from: range.from, to: end },
    ),
  }));
  add(
    'shortcomings_carried_over',
    'shortcoming',
    standing.filter((x) => x.s?.carriedOver).map((x) => x.id),
  );
  add(
    'shortcomings_new',
    'shortcoming',
    standing.filter((x) => x.s && !x.s.carriedOver).map((x) => x.id),
  );
  add(
    'shortcomings_fixed',
    'shortcoming',
    standing.filter((x) => x.s?.fixedWithin).map((x) => x.id),
  );
  add(
    'shortcomings_open',
    'shortcoming',
    standing.filter((x) => x.s?.openAtEnd).map((x) => x.id),
  );

  const impacts = (await reviewRegulationImpacts(sql, span)) as {
    id: string;
    on_time: boolean;
    findings: { severity: string }[] | null;
  }[];
  add('subordinate_regulations_to_review', 'regulation_impact', ids(impacts));
  add('subordinate_regulations_revised_on_time', 'regulation_impact', ids(impacts.filter((i) => i.on_time)));
  add(
    'subordinate_regulations_inconsistent',
    'regulation_impact',
    ids(impacts.filter((i) => (i.findings ?? []).some((f) => f.severity === 'error'))),
  );

  return { indicators: out, deviations, tasks, regulation: m.at(end) };
}
