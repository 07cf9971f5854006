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
import { uuidv7 } from '@quyche/db';
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
type TaskForMail = {
  id: string;
  org_id: string;
  title: string;
  state: TaskState;
  due_date: string | null;
  extended_to: string | null;
  lead_kind: string | null;
  lead_id: string | null;
  lead_name: string | null;
  supervisor_person_id: string | null;
  supervisor_name: string | null;
  source_label: string | null;
  product: string | null;
  percent: number;
};

export async function scanReminders(
  db: Db,
  config: Pick<AppConfig, 'remindBeforeWorkingDays'>,
  today: string = todayInVietnam(),
) {
  const cutoff = addWorkingDays(today, config.remindBeforeWorkingDays, VIETNAM_CALENDAR);
  const rows = (
    await db.query<{ id: string; state: TaskState; due_date: string | null; extended_to: string | null }>(
      "select id, state, due_date, extended_to from task where state in ('assigned', 'in_progress') and due_effective <= $1 order by due_effective, id",
      [cutoff],
    )
  ).rows;
  let queued = 0;
  for (const t of rows) {
    const r = reminderFor(
      { id: t.id, state: t.state, dueDate: t.due_date, extendedTo: t.extended_to },
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
    const heads = (
      await sql.query<{ person_id: string }>(
        `select m.person_id from membership m join body b on b.id = m.body_id
          where (b.id = $1 or (b.org_id = $1 and b.kind = 'BCH')) and m.role in ('TRUONG_BAN', 'CHU_NHIEM', 'BI_THU')
            and m.valid_from <= $2 and (m.valid_until is null or m.valid_until >= $2)`,
        [t.lead_id, on],
      )
    ).rows;
    for (const h of heads) people.add(h.person_id);
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

/** Who a reminder is sent in the name of: the organization's office (Văn phòng …) if it has one, else the organization. */
export async function senderOf(db: Sql, orgId: string): Promise<string> {
  const r = (
    await db.query<{ office: string | null; org: string | null }>(
      "select (select b.name from body b where b.org_id = o.id and b.name ilike 'Văn phòng%' order by b.name limit 1) as office, o.name as org from organization o where o.id = $1",
      [orgId],
    )
  ).rows[0];
  return r?.office ?? r?.org ?? 'Quychế';
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
  const people = (
    await db.query<{ id: string; email: string | null }>('select id, email from person where id = any($1::uuid[])', [
      personIds,
    ])
  ).rows;
  const users = (
    await db.query<{ id: string }>('select id from app_user where person_id = any($1::uuid[]) and not disabled', [
      personIds,
    ])
  ).rows;
  for (const id of new Set([...users.map((u) => u.id), ...alsoUsers])) {
    await db.query(
      'insert into notification (id, org_id, user_id, task_id, kind, title, body, sender, link) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
      [uuidv7(), orgId, id, taskId, kind, subject.replace(/^\[Quychế\] /, ''), text, from.sender, from.link],
    );
  }
  if (!mailer) return;
  for (const p of people) {
    if (!p.email) continue;
    // A job retried after a partial failure does not mail twice the ones already done.
    const sent = (await db.query('select 1 from mail_sent where job_id = $1 and to_address = $2', [jobId, p.email]))
      .rows[0];
    if (sent) continue;
    const messageId = await mailer.send(p.email, subject, text);
    await db.query('insert into mail_sent (id, job_id, to_address, subject, message_id) values ($1,$2,$3,$4,$5)', [
      uuidv7(),
      jobId,
      p.email,
      subject,
      messageId,
    ]);
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
      const t = (
        await db.query<TaskForMail>(
          'select t.*, p.full_name as supervisor_name from task t left join person p on p.id = t.supervisor_person_id where t.id = $1',
          [payload['taskId']],
        )
      ).rows[0];
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
      const rows = (
        await db.query<{
          org_id: string;
          supervisor_person_id: string;
          title: string;
          due_effective: string;
          lead_name: string | null;
          percent: number;
        }>(
          "select org_id, supervisor_person_id, title, due_effective, lead_name, percent from task where state in ('assigned', 'in_progress') and supervisor_person_id is not null and due_effective <= $1 order by supervisor_person_id, due_effective",
          [horizon],
        )
      ).rows;
      const bySupervisor = new Map<string, typeof rows>();
      for (const r of rows)
        bySupervisor.set(r.supervisor_person_id, [...(bySupervisor.get(r.supervisor_person_id) ?? []), r]);
      for (const [person, list] of bySupervisor) {
        const overdue = list.filter((x) => x.due_effective < today);
        const soon = list.filter((x) => x.due_effective >= today);
        const subject = `[Quychế] Tổng hợp nhiệm vụ tuần ${isoWeek(today).slice(6)}/${today.slice(0, 4)}: ${overdue.length} quá hạn, ${soon.length} sắp đến hạn`;
        const line = (x: (typeof list)[number]) =>
          `- ${clause(x.title)}${x.lead_name ? ` — ${clause(x.lead_name)}` : ''}, hạn ${formatDateVi(x.due_effective)}, tiến độ ${String(Number(x.percent)).replace('.', ',')}%`;
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
  if (new Date(`${today}T00:00:00Z`).getUTCDay() === 1)
    await enqueue(db, 'weekly_digest', `digest:${isoWeek(today)}`, { today });
}
