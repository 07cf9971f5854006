import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, ProblemError } from '@quyche/core';
import type { MeetingKind, MeetingState } from '@quyche/core';
import { bodyFeedMeetings, getPerson, grantsOf, personFeedMeetings, setUserIcsToken, userByIcsToken } from '@quyche/db';
import type { Db } from '@quyche/db';
import { sessionUserOf } from '../http/context.js';
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
    await setUserIcsToken(tx, ctx.user.id, hashToken(token));
    await ctx.auditChange(tx, 'ics_token', ['app_user', ctx.user.id, null], { after: { renewed: true } });
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
  const u = await userByIcsToken(db, hashToken(token));
  if (!u) return null;
  return sessionUserOf(u, await grantsOf(db, u.id), null);
}

type FeedRow = Awaited<ReturnType<typeof bodyFeedMeetings>>[number];

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

export async function bodyFeed(ctx: RequestContext, bodyId: string, baseUrl: string) {
  const body = await loadBody(ctx.db, bodyId);
  await ctx.assertOrg(body.org_id, 'read', body.confidentiality);
  const rows = await bodyFeedMeetings(ctx.db, bodyId, ctx.user.clearance);
  return feed(`Lịch họp ${body.name}`, rows, baseUrl);
}

/** A person's meetings: those they are summoned to, and those of the bodies they sit on at the meeting date. */
export async function personFeed(ctx: RequestContext, personId: string, baseUrl: string) {
  const p = await getPerson(ctx.db, personId);
  if (!p) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy người này' });
  await ctx.assertOrg(p.org_id, 'read', p.confidentiality);
  const covered = await ctx.coveredOrgs('read');
  const rows = await personFeedMeetings(ctx.db, personId, ctx.user.clearance, covered);
  return feed(`Lịch họp của ${p.full_name}`, rows, baseUrl);
}
