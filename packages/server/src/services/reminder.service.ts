import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import {
  addWorkingDays,
  formatDateVi,
  isoWeek,
  reminderFor,
  reminderMessage,
  todayInVietnam,
  VIETNAM_CALENDAR,
} from '@quyche/core';
import type { Reminder, TaskState } from '@quyche/core';
import {
  accountsOfPeople,
  digestTasks,
  insertNotifications,
  leadUnitHeads,
  mailAlreadySent,
  notificationSenderName,
  personEmails,
  recordMailSent,
  taskForReminder,
  tasksDueBy,
} from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import type { AppConfig } from '../config.js';
import { enqueue } from './job.service.js';
import type { JobHandler } from './job.service.js';
import { clause, listItems } from '../reports/punctuation.js';

/**
 * Reminders of follow-up: a daily scan queues one job per reminder owed (N working days before the due date, on
 * the day, weekly once overdue) and a weekly digest per supervising member; each job notifies in the application
 * the accounts of the lead and of the supervising BTV member and e-mails them when an SMTP server is configured.
 */

export async function scanReminders(
  db: Db,
  config: Pick<AppConfig, 'remindBeforeWorkingDays'>,
  today: string = todayInVietnam(),
) {
  const cutoff = addWorkingDays(today, config.remindBeforeWorkingDays, VIETNAM_CALENDAR);
  const rows = await tasksDueBy(db, cutoff);
  let queued = 0;
  for (const t of rows) {
    const r = reminderFor(
      { id: t.id, state: t.state as TaskState, dueDate: t.due_date, extendedTo: t.extended_to },
      today,
      config.remindBeforeWorkingDays,
      VIETNAM_CALENDAR,
    );
    if (r && (await enqueue(db, 'send_reminder', r.key, { taskId: t.id, reminder: r }))) queued++;
  }
  return { scanned: rows.length, queued };
}

/** Who hears of a task: its supervising member and the head of its lead (a person lead is their own head). */
async function recipients(
  sql: Sql,
  t: { lead_kind: string | null; lead_id: string | null; supervisor_person_id: string | null },
  on: string,
): Promise<string[]> {
  const people = new Set<string>();
  if (t.supervisor_person_id) people.add(t.supervisor_person_id);
  if (t.lead_kind === 'person' && t.lead_id) people.add(t.lead_id);
  if (t.lead_kind === 'unit' && t.lead_id) {
    for (const h of await leadUnitHeads(sql, t.lead_id, on)) people.add(h);
  }
  return [...people];
}

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<string | null>;
}

export function smtpMailer(config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(to, subject, text) {
      const info = await transport.sendMail({ from: config.mailFrom, to, subject, text });
      return info.messageId ?? null;
    },
  };
}

/**
 * Who a reminder is sent in the name of: the organization's office (Văn phòng …) if it has one, else the organization.
 */
export async function senderOf(db: Sql, orgId: string): Promise<string> {
  return (await notificationSenderName(db, orgId)) ?? 'Quychế';
}

/**
 * In the application (every account of the people, and `alsoUsers`) and by mail: signed with the sender's name, the
 * notification keeping the record's address in the application (`link`, a path) for its "Xem" link.
 */
export async function deliver(
  db: Db,
  jobId: string,
  mailer: Mailer | null,
  personIds: string[],
  orgId: string,
  taskId: string | null,
  kind: string,
  subject: string,
  body: string,
  from: { sender: string; link: string | null },
  alsoUsers: string[] = [],
) {
  const text = `${body}\n\n${from.sender}`;
  // In the application the notification opens its record itself: the address lines of the e-mail (with the record's
  // id in them) are left out of its text.
  const inApp = text
    .split('\n')
    .filter((l) => !/https?:\/\/\S+$/.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const people = await personEmails(db, personIds);
  const users = await accountsOfPeople(db, personIds);
  await insertNotifications(db, [...new Set([...users, ...alsoUsers])], {
    orgId,
    jobId,
    taskId,
    kind,
    title: subject.replace(/^\[Quychế\] /, ''),
    body: inApp,
    sender: from.sender,
    link: from.link,
  });
  if (!mailer) return;
  for (const p of people) {
    if (!p.email) continue;
    // A job retried after a partial failure does not mail twice the ones already done.
    if (await mailAlreadySent(db, jobId, p.email)) continue;
    const messageId = await mailer.send(p.email, subject, text);
    await recordMailSent(db, { jobId, to: p.email, subject, messageId });
  }
}

export function reminderHandlers(
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'baseUrl' | 'remindBeforeWorkingDays'>,
  mailer: Mailer | null = smtpMailer(config),
): Record<string, JobHandler> {
  return {
    reminder_scan: async (payload, { db }) => {
      await scanReminders(db, config, String(payload['today'] ?? todayInVietnam()));
    },
    send_reminder: async (payload, { db, jobId }) => {
      const t = await taskForReminder(db, String(payload['taskId']));
      if (!t || !['assigned', 'in_progress'].includes(t.state)) return; // finished in the meantime: nothing to remind
      const r = payload['reminder'] as Reminder;
      const m = reminderMessage(
        r,
        {
          title: t.title,
          leadName: t.lead_name,
          supervisorName: t.supervisor_name,
          sourceLabel: t.source_label,
          product: t.product,
          percent: Number(t.percent),
        },
        `${config.baseUrl}/tasks/${t.id}`,
      );
      await deliver(db, jobId, mailer, await recipients(db, t, r.due), t.org_id, t.id, r.kind, m.subject, m.text, {
        sender: await senderOf(db, t.org_id),
        link: `/tasks/${t.id}`,
      });
    },
    weekly_digest: async (payload, { db, jobId }) => {
      const today = String(payload['today'] ?? todayInVietnam());
      const horizon = addWorkingDays(today, 10, VIETNAM_CALENDAR);
      const rows = await digestTasks(db, horizon);
      const bySupervisor = new Map<string, typeof rows>();
      for (const r of rows)
        bySupervisor.set(r.supervisor_person_id, [...(bySupervisor.get(r.supervisor_person_id) ?? []), r]);
      for (const [person, list] of bySupervisor) {
        const overdue = list.filter((x) => x.due_effective < today);
        const soon = list.filter((x) => x.due_effective >= today);
        const subject =
          `[Quychế] Tổng hợp nhiệm vụ tuần ${isoWeek(today).slice(6)}/${today.slice(0, 4)}: ` +
          `${overdue.length} quá hạn, ${soon.length} sắp đến hạn`;
        const line = (x: (typeof list)[number]) =>
          `- ${clause(x.title)}${x.lead_name ? ` — ${clause(x.lead_name)}` : ''}, hạn ` +
          `${formatDateVi(x.due_effective)}, tiến độ ${String(Number(x.percent)).replace('.', ',')}%`;
        // Each group a list: its lines end with ";", the last with "."; an empty group says so.
        const group = (title: string, xs: typeof list) =>
          xs.length ? [`${title} (${xs.length}):`, ...listItems(xs.map(line))] : [`${title} (0): không có.`];
        const text = [
          `Các nhiệm vụ đồng chí theo dõi, tính đến ngày ${formatDateVi(today)}:`,
          '',
          ...group('Quá hạn', overdue),
          '',
          ...group('Sắp đến hạn trong 10 ngày làm việc', soon),
          '',
          `Xem: ${config.baseUrl}/tasks`,
        ].join('\n');
        await deliver(db, jobId, mailer, [person], list[0]!.org_id, null, 'digest', subject, text, {
          sender: await senderOf(db, list[0]!.org_id),
          link: `/tasks?state=open&supervisor=${person}`,
        });
      }
    },
  };
}

/** The daily scan and the Monday digest as jobs, keyed by day and by week (queued once whoever queues them). */
export async function queueScheduled(db: Db, now: Date = new Date()) {
  const today = todayInVietnam(now);
  await enqueue(db, 'reminder_scan', `scan:${today}`, { today });
  await enqueue(db, 'consultation_scan', `consult-scan:${today}`, { today });
  await enqueue(db, 'assessment_scan', `assessment-scan:${today}`, { today });
  if (new Date(`${today}T00:00:00Z`).getUTCDay() === 1)
    await enqueue(db, 'weekly_digest', `digest:${isoWeek(today)}`, { today });
}
