import { formatDateVi, todayInVietnam } from '@quyche/core';
import type { Db } from '@quyche/db';
import type { AppConfig } from '../config.js';
import type { ConsultationRow, RecipientRow } from './consultation.service.js';
import { queueConsultationReminders } from './consultation.service.js';
import type { JobHandler } from './job.service.js';
import { deliver, senderOf, smtpMailer } from './reminder.service.js';
import type { Mailer } from './reminder.service.js';
import { clause } from '../reports/punctuation.js';

/**
 * Reminders to recipients late with their comments: the daily scan reminds each late recipient weekly; a clerk may
 * remind at once. Each reminder notifies the recipient's accounts in the application and mails the heads of its
 * committee (Bí thư, Phó Bí thư) or the person consulted.
 */
async function peopleOf(db: Db, r: RecipientRow, on: string): Promise<string[]> {
  if (r.person_id) return [r.person_id];
  const orgId =
    r.recipient_org_id ??
    (await db.query<{ org_id: string }>('select org_id from body where id = $1', [r.recipient_body_id])).rows[0]
      ?.org_id;
  const rows = (
    await db.query<{ person_id: string }>(
      `select m.person_id from membership m join body b on b.id = m.body_id
        where ((b.org_id = $1 and b.kind = 'BCH' and m.role in ('BI_THU', 'PHO_BI_THU')) or (b.id = $2 and m.role in ('TRUONG_BAN', 'CHU_NHIEM')))
          and m.valid_from <= $3 and (m.valid_until is null or m.valid_until >= $3)`,
      [orgId ?? null, r.recipient_body_id, on],
    )
  ).rows;
  return [...new Set(rows.map((x) => x.person_id))];
}

export function consultationHandlers(
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'baseUrl'>,
  mailer: Mailer | null = smtpMailer(config),
): Record<string, JobHandler> {
  return {
    consultation_scan: async (payload, { db }) => {
      const today = String(payload['today'] ?? todayInVietnam());
      const open = (
        await db.query<ConsultationRow>("select * from consultation where state = 'open' and deadline < $1", [today])
      ).rows;
      for (const c of open) await queueConsultationReminders(db, c, today, 7);
    },
    consultation_reminder: async (payload, { db, jobId }) => {
      const c = (
        await db.query<ConsultationRow>('select * from consultation where id = $1', [payload['consultationId']])
      ).rows[0];
      const r = (
        await db.query<RecipientRow>('select * from consultation_recipient where id = $1', [payload['recipientId']])
      ).rows[0];
      // Answered, excused or closed in the meantime: nothing to remind.
      if (!c || !r || c.state !== 'open' || r.answered_on || r.not_answering) return;
      const today = String(payload['today'] ?? todayInVietnam());
      const subject = `[Quychế] Quá hạn góp ý từ ${formatDateVi(c.deadline)}: ${c.title}`;
      const link = `${config.baseUrl}/consultations/${c.id}`;
      const text = [
        `Kính gửi: ${r.name}`,
        '',
        `Đến ngày ${formatDateVi(today)}, Quychế chưa nhận được ý kiến góp ý của ${clause(r.name)} đối với ${clause(c.title)}.`,
        `Hạn góp ý: ${formatDateVi(c.deadline)}.`,
        'Đề nghị gửi ý kiến (hoặc trả lời "nhất trí, không có ý kiến") sớm để cơ quan soạn thảo tổng hợp, tiếp thu, giải trình.',
        '',
        `Góp ý tại: ${link}`,
      ].join('\n');
      const people = await peopleOf(db, r, today);
      const orgId = r.recipient_org_id ?? c.org_id;
      // The recipient organization's accounts without a person (a clerk) are told in the application too.
      const clerks = r.recipient_org_id
        ? (
            await db.query<{ id: string }>(
              `select distinct u.id from app_user u join role_grant g on g.user_id = u.id
                where g.org_id = $1 and not u.disabled and (u.person_id is null or not (u.person_id = any($2::uuid[])))`,
              [r.recipient_org_id, people],
            )
          ).rows.map((u) => u.id)
        : [];
      await deliver(
        db,
        jobId,
        mailer,
        people,
        orgId,
        null,
        'consultation',
        subject,
        text,
        { sender: await senderOf(db, c.org_id), link: `/consultations/${c.id}` },
        clerks,
      );
    },
  };
}
