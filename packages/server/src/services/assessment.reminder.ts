import {
  assessmentTimetable,
  EngineError,
  formatDateVi,
  parseOrThrow,
  reminderFor,
  todayInVietnam,
  VIETNAM_CALENDAR,
} from '@quyche/core';
import type { StepDeadline } from '@quyche/core';
import {
  assessmentRegulationFor,
  consultationReminderClerks,
  consultationReminderPeople,
  membersNotSelfAssessed,
  assessmentUnitName,
  undecidedAssessmentsByUnit,
} from '@quyche/db';
import type { Db } from '@quyche/db';
import type { AppConfig } from '../config.js';
import { enqueue } from './job.service.js';
import type { JobHandler } from './job.service.js';
import { deliver, senderOf, smtpMailer } from './reminder.service.js';
import type { Mailer } from './reminder.service.js';

type Step = 'member' | 'organization';
const STEP_VI: Record<Step, string> = { member: 'đảng viên', organization: 'tổ chức đảng' };

/** A unit's deadlines of a year by its rules in force on the year's reading day (null without any), and their title. */
async function timetableOf(db: Db, unitId: string, year: number, today: string) {
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const v = await assessmentRegulationFor(db, unitId, asOf);
  if (!v) return null;
  try {
    return { title: v.title, steps: assessmentTimetable(parseOrThrow(v.source_text), year, asOf).result.steps };
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
}

/** A unit's deadline for a step of a year; null without one. */
async function deadlineOf(db: Db, unitId: string, year: number, step: Step, today: string) {
  const t = await timetableOf(db, unitId, year, today);
  return t && { title: t.title, step: t.steps.find((s) => s.step === step) ?? null };
}

/**
 * The daily scan: for each unit with sheets undecided in this year (and last year's in January, its report being
 * due then), a reminder of each step that is near its last day (N working days), on it, or past it (weekly): the same
 * cadence as tasks' reminders (task.reminder.ts), keyed so that each is sent once.
 */
export async function scanAssessmentReminders(db: Db, beforeWorkingDays: number, today: string) {
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '01' ? [year - 1, year] : [year];
  let queued = 0;
  // A unit's members and organizations share its rules: read and parsed once per unit and year.
  const timetables = new Map<string, ReturnType<typeof timetableOf>>();
  for (const g of await undecidedAssessmentsByUnit(db, years)) {
    const step = g.subject as Step;
    const key = `${g.unit_id}:${g.year}`;
    if (!timetables.has(key)) timetables.set(key, timetableOf(db, g.unit_id, g.year, today));
    const d = (await timetables.get(key))?.steps.find((s) => s.step === step);
    if (!d) continue;
    const id = `assessment:${g.unit_id}:${g.year}:${step}`;
    const r = reminderFor({ id, state: 'in_progress', dueDate: d.lastDay }, today, beforeWorkingDays, VIETNAM_CALENDAR);
    if (!r) continue;
    const payload = { unitId: g.unit_id, year: g.year, step, kind: r.kind, today };
    if (await enqueue(db, 'assessment_reminder', r.key, payload)) queued++;
  }
  return { queued };
}

const when = (kind: string, d: StepDeadline) =>
  kind === 'overdue'
    ? `đã quá hạn (phải xong trước ngày ${formatDateVi(d.before)})`
    : kind === 'due_today'
      ? `hôm nay ${formatDateVi(d.lastDay)} là ngày cuối`
      : `phải xong trước ngày ${formatDateVi(d.before)}`;

export function assessmentReminderHandlers(
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'baseUrl' | 'remindBeforeWorkingDays'>,
  mailer: Mailer | null = smtpMailer(config),
): Record<string, JobHandler> {
  return {
    assessment_scan: async (payload, { db }) => {
      await scanAssessmentReminders(db, config.remindBeforeWorkingDays, String(payload['today'] ?? todayInVietnam()));
    },
    assessment_reminder: async (payload, { db, jobId }) => {
      const [unitId, year, step] = [String(payload['unitId']), Number(payload['year']), payload['step'] as Step];
      const today = String(payload['today'] ?? todayInVietnam());
      const found = await deadlineOf(db, unitId, year, step, today);
      const pending = (await undecidedAssessmentsByUnit(db, [year])).find(
        (g) => g.unit_id === unitId && g.subject === step,
      )?.pending;
      // Decided in the meantime, or the rules changed: nothing to remind.
      if (!found?.step || !pending) return;
      const d = found.step;
      const unitName = (await assessmentUnitName(db, unitId)) ?? '';
      const link = `/assessments?org=${unitId}&year=${year}`;
      const basis = `${d.basis_vi} ${found.title}`;
      const subject = `[Quychế] Đánh giá, xếp loại ${STEP_VI[step]} năm ${year}: ${when(String(payload['kind']), d)}`;
      const heads = await consultationReminderPeople(db, unitId, null, today);
      const clerks = await consultationReminderClerks(db, unitId, heads);
      const text = [
        `Kính gửi: cấp ủy ${unitName}`,
        '',
        `Đến ngày ${formatDateVi(today)}, còn ${pending} phiếu đánh giá, xếp loại ${STEP_VI[step]} năm ${year} ` +
          `chưa được quyết định xếp loại; thời hạn: trước ngày ${formatDateVi(d.before)} (${basis}).`,
        '',
        `Xem: ${config.baseUrl}${link}`,
      ].join('\n');
      const sender = await senderOf(db, unitId);
      await deliver(db, jobId, mailer, heads, unitId, null, 'assessment', subject, text, { sender, link }, clerks);
      if (step !== 'member') return;
      // Each member who has not self-assessed is asked to, by the same day.
      const members = await membersNotSelfAssessed(db, unitId, year);
      if (!members.length) return;
      const own = [
        `Đồng chí chưa làm bản tự kiểm điểm, tự đánh giá, xếp loại năm ${year}.`,
        `Đề nghị hoàn thành để chi bộ cho ý kiến và cấp ủy xếp loại trước ngày ${formatDateVi(d.before)} (${basis}).`,
        '',
        `Tự đánh giá tại: ${config.baseUrl}/`,
      ].join('\n');
      const mine = `[Quychế] Bản tự đánh giá, xếp loại năm ${year}: ${when(String(payload['kind']), d)}`;
      await deliver(db, jobId, mailer, members, unitId, null, 'assessment', mine, own, { sender, link: '/' });
    },
  };
}
