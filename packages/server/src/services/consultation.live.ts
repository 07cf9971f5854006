import { recipientStatus, todayInVietnam } from '@quyche/core';
import {
  consultationCommentCounts,
  consultationCommentsBySite,
  consultationLiveState,
  consultationRecipientAnswers,
  notifyConsultationChanged,
} from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import { LiveHub } from './live.hub.js';

/** Every write to a consultation tells its live channel (delivered at commit, to every server on the database). */
export async function notifyConsultation(tx: Sql, consultationId: string) {
  await notifyConsultationChanged(tx, consultationId);
}

/**
 * What every page following a consultation hears at once — at an online consultation conference, each connection
 * point sees the others' comments arrive: the counts, and the comments by connection point.
 */
export async function consultationLive(sql: Sql, id: string) {
  const c = await consultationLiveState(sql, id);
  if (!c) return null;
  const recipients = await consultationRecipientAnswers(sql, id);
  const counts = await consultationCommentCounts(sql, id);
  const sites = await consultationCommentsBySite(sql, id);
  const today = todayInVietnam();
  const status = recipients.map((r) =>
    recipientStatus({ answeredOn: r.answered_on, notAnswering: r.not_answering }, c.deadline, today),
  );
  return {
    id: c.id,
    state: c.state,
    version: c.version,
    /** The position of the newest comment: a page that has fewer reloads its list. */
    lastPosition: counts.last,
    counts: {
      recipients: recipients.length,
      answered: status.filter((s) => s === 'answered').length,
      late: status.filter((s) => s === 'late').length,
      comments: counts.comments,
      disposed: counts.disposed,
      open: counts.open,
    },
    sites: sites.map((s) => ({ siteId: s.site_id, name: s.name, meetingId: s.meeting_id, comments: s.comments })),
  };
}

export class ConsultationHub extends LiveHub {
  constructor(db: Db, coalesceMs = 15) {
    super(db, 'consultation_changed', (id) => consultationLiveSummary(db, id), coalesceMs);
  }
}

/** The consultation's live summary, numbered by its version and last comment (null once it is gone). */
async function consultationLiveSummary(db: Db, id: string) {
  const live = await consultationLive(db, id);
  return live ? { eventId: `${live.version}-${live.lastPosition}`, summary: live } : null;
}
