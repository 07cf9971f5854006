import { recipientStatus, todayInVietnam } from '@quyche/core';
import type { Db, Sql } from '@quyche/db';
import { LiveHub } from './live.hub.js';

/** Every write to a consultation tells its live channel (delivered at commit, to every server on the database). */
export async function notifyConsultation(tx: Sql, consultationId: string) {
  await tx.query("select pg_notify('consultation_changed', $1)", [consultationId]);
}

/**
 * What every page following a consultation hears at once — at an online consultation conference, each connection
 * point sees the others' comments arrive: the counts, and the comments by connection point.
 */
export async function consultationLive(sql: Sql, id: string) {
  const c = (
    await sql.query<{ id: string; state: string; deadline: string; version: number }>(
      'select id, state, deadline, version from consultation where id = $1',
      [id],
    )
  ).rows[0];
  if (!c) return null;
  const recipients = (
    await sql.query<{ answered_on: string | null; not_answering: boolean }>(
      'select answered_on, not_answering from consultation_recipient where consultation_id = $1',
      [id],
    )
  ).rows;
  const counts = (
    await sql.query<{ comments: number; disposed: number; open: number; last: number }>(
      `select count(*)::int as comments, count(*) filter (where disposition is not null)::int as disposed,
              count(*) filter (where disposition is null and kind <> 'no_comment')::int as open, coalesce(max(position), 0)::int as last
         from consultation_comment where consultation_id = $1`,
      [id],
    )
  ).rows[0]!;
  const sites = (
    await sql.query<{ site_id: string; name: string; meeting_id: string; comments: number }>(
      `select s.id as site_id, s.name, s.meeting_id, count(*)::int as comments from consultation_comment k join meeting_site s on s.id = k.site_id
        where k.consultation_id = $1 group by s.id, s.name, s.meeting_id order by s.name`,
      [id],
    )
  ).rows;
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
    super(
      db,
      'consultation_changed',
      async (id) => {
        const live = await consultationLive(db, id);
        return live
          ? `event: summary\nid: ${live.version}-${live.lastPosition}\ndata: ${JSON.stringify(live)}\n\n`
          : null;
      },
      coalesceMs,
    );
  }
}
