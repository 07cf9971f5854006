import { formatDateVi, todayInVietnam } from '@quyche/core';
import {
  consultationBodyOrg,
  consultationById,
  consultationRecipientById,
  consultationReminderClerks,
  consultationReminderPeople,
  listOverdueConsultations,
} from '@quyche/db';
import type { ConsultationRecipientRow, Db } from '@quyche/db';
import type { AppConfig } from '../config.js';
import { queueConsultationReminders } from './consultation.recipient.service.js';
import type { JobHandler } from './job.service.js';
import { deliver, senderOf, smtpMailer } from './reminder.service.js';
import type { Mailer } from './reminder.service.js';
import { clause } from '../reports/punctuation.js';

/**
 * Reminders to recipients late with their comments: the daily scan reminds each late recipient weekly; a clerk may
 * remind at once. Each reminder notifies the recipient's accounts in the application and mails the heads of its
 * committee (Bí thư, Phó Bí thư) or the person consulted.
 */
async function peopleOf(db: Db, r: ConsultationRecipientRow, on: string): Promise<string[]> {
  if (r.person_id) return [r.person_id];
  const orgId =
    r.recipient_org_id ?? (r.recipient_body_id ? await consultationBodyOrg(db, r.recipient_body_id) : undefined);
  return [...new Set(await consultationReminderPeople(db, orgId ?? null, r.recipient_body_id, on))];
}

export function consultationHandlers(
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'baseUrl'>,
  mailer: Mailer | null = smtpMailer(config),
): Record<string, JobHandler> {
  return {
    consultation_scan: async (payload, { db }) => {
      const today = String(payload['today'] ?? todayInVietnam());
      for (const c of await listOverdueConsultations(db, today)) await queueConsultationReminders(db, c, today, 7);
    },
    consultation_reminder: async (payload, { db, jobId }) => {
      const [cid, rid] = [payload['consultationId'], payload['recipientId']];
      const c = typeof cid === 'string' ? await consultationById(db, cid) : undefined;
      const r = typeof rid === 'string' ? await consultationRecipientById(db, rid) : undefined;
      // Answered, excused or closed in the meantime: nothing to remind.
      if (!c || !r || c.state !== 'open' || r.answered_on || r.not_answering) return;
      const today = String(payload['today'] ?? todayInVietnam());
      const subject = `[Quychế] Quá hạn góp ý từ ${formatDateVi(c.deadline)}: ${c.title}`;
      const link = `${config.baseUrl}/consultations/${c.id}`;
      const text = [
        `Kính gửi: ${r.name}`,
        '',
        `Đến ngày ${formatDateVi(today)}, ` +
          `Quychế chưa nhận được ý kiến góp ý của ${clause(r.name)} đối với ${clause(c.title)}.`,
        `Hạn góp ý: ${formatDateVi(c.deadline)}.`,
        'Đề nghị gửi ý kiến (hoặc trả lời "nhất trí, không có ý kiến") ' +
          'sớm để cơ quan soạn thảo tổng hợp, tiếp thu, giải trình.',
        '',
        `Góp ý tại: ${link}`,
      ].join('\n');
      const people = await peopleOf(db, r, today);
      const orgId = r.recipient_org_id ?? c.org_id;
      // The recipient organization's accounts without a person (a clerk) are told in the application too.
      const clerks = r.recipient_org_id ? await consultationReminderClerks(db, r.recipient_org_id, people) : [];
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
