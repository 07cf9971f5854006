import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, ProblemError } from '@quyche/core';
import type { MeetingKind, MeetingState } from '@quyche/core';
import { getPerson, grantsOf } from '@quyche/db';
import type { Db } from '@quyche/db';
import type { SessionUser } from '../http/context.js';
import type { RequestContext } from '../http/context.js';
import { loadBody } from './meeting.load.js';

/**
 * Calendar feeds (ICS) per body and per person, which calendar programs fetch without a session: the address holds a
 * private token of the account (only its hash is stored); the feed shows what that account may see.
 */
const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

export async function newFeedToken(ctx: RequestContext) {
  const token = randomBytes(24).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await tx.query('update app_user set ics_token = $2 where id = $1', [ctx.user.id, hashToken(token)]);
    await ctx.audit(tx, {
      action: 'ics_token',
      entity: 'app_user',
      entityId: ctx.user.id,
      orgId: null,
      after: { renewed: true },
    });
  });
  return {
    token,
    bodyFeed: (bodyId: string) => `/api/v1/ics/${token}/bodies/${bodyId}.ics`,
    personFeed: (personId: string) => `/api/v1/ics/${token}/people/${personId}.ics`,
  };
}

/** The account a feed token belongs to, as a session user without a session (reads only). */
export async function feedUser(db: Db, token: string): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const u = (
    await db.query<{
      id: string;
      username: string;
      display_name: string;
      person_id: string | null;
      clearance: number;
      locale: string;
    }>('select * from app_user where ics_token = $1 and not disabled', [hashToken(token)])
  ).rows[0];
  if (!u) return null;
  const grants = await grantsOf(db, u.id);
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    personId: u.person_id,
    clearance: u.clearance,
    locale: u.locale,
    grants,
    sessionId: '',
    csrfToken: '',
    mustChangePassword: false,
  };
}

type FeedRow = {
  id: string;
  title: string;
  meeting_date: string;
  starts_at: string | null;
  location: string | null;
  kind: string;
  state: string;
  body_name: string;
  format: string;
};

/** Vietnam has no daylight saving: a local time is UTC+7 all year. */
const instant = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

function feed(name: string, rows: FeedRow[], baseUrl: string) {
  // Times go out in UTC (…Z): every calendar program places them right, with no time-zone table to ship.
  const cal = ical({ name, prodId: { company: 'Quychế', product: 'Lịch họp', language: 'VI' } });
  cal.method(ICalCalendarMethod.PUBLISH);
  for (const m of rows) {
    const kind = MEETING_KIND_LABELS[m.kind as MeetingKind]?.vi ?? m.kind;
    const state = MEETING_STATE_LABELS[m.state as MeetingState]?.vi ?? m.state;
    const start = m.starts_at ? instant(m.meeting_date, m.starts_at) : new Date(`${m.meeting_date}T00:00:00Z`);
    cal.createEvent({
      id: `${m.id}@quyche`,
      summary: `${m.body_name}: ${m.title}`,
      start,
      end: m.starts_at ? new Date(start.getTime() + 3 * 3_600_000) : start,
      allDay: !m.starts_at,
      location: m.location ?? (m.format === 'online' ? 'Trực tuyến' : null),
      description: `${kind} — ${state}`,
      url: `${baseUrl}/meetings/${m.id}`,
      status:
        m.state === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : m.state === 'planned'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

const FEED_SQL = `select m.id, m.title, m.meeting_date, m.starts_at, m.location, m.kind, m.state, m.format, b.name as body_name
  from meeting m join body b on b.id = m.body_id`;

export async function bodyFeed(ctx: RequestContext, bodyId: string, baseUrl: string) {
  const body = await loadBody(ctx.db, bodyId);
  await ctx.assertOrg(body.org_id, 'read', body.confidentiality);
  const rows = (
    await ctx.db.query<FeedRow>(
      `${FEED_SQL} where m.body_id = $1 and m.confidentiality <= $2 order by m.meeting_date`,
      [bodyId, ctx.user.clearance],
    )
  ).rows;
  return feed(`Lịch họp ${body.name}`, rows, baseUrl);
}

/** A person's meetings: those they are summoned to, and those of the bodies they sit on at the meeting date. */
export async function personFeed(ctx: RequestContext, personId: string, baseUrl: string) {
  const p = await getPerson(ctx.db, personId);
  if (!p) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy người này' });
  await ctx.assertOrg(p.org_id, 'read', p.confidentiality);
  const covered = await ctx.coveredOrgs('read');
  const rows = (
    await ctx.db.query<FeedRow>(
      `${FEED_SQL}
        where m.confidentiality <= $2 and m.org_id = any($3::uuid[]) and (
          exists (select 1 from meeting_attendance a where a.meeting_id = m.id and a.person_id = $1)
          or exists (select 1 from membership s where s.body_id = m.body_id and s.person_id = $1 and s.valid_from <= m.meeting_date and (s.valid_until is null or s.valid_until >= m.meeting_date)))
        order by m.meeting_date`,
      [personId, ctx.user.clearance, covered],
    )
  ).rows;
  return feed(`Lịch họp của ${p.full_name}`, rows, baseUrl);
}
