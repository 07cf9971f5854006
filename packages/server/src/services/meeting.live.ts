import { getMeeting } from '@quyche/db';
import type { Db } from '@quyche/db';
import { LiveHub } from './live.hub.js';
import { liveSummary } from './meeting.view.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';

/** The meetings' hub: counts, quorum and connection points of a meeting (channel `meeting_changed`). */
export class MeetingHub extends LiveHub {
  constructor(db: Db, coalesceMs = 15) {
    super(db, 'meeting_changed', (id) => meetingLiveSummary(db, id), coalesceMs);
  }
}

/** The meeting's live summary, numbered by its version and the moment (null once it is gone). */
async function meetingLiveSummary(db: Db, meetingId: string) {
  const m = await getMeeting(db, meetingId);
  if (!m) return null;
  const body = await loadBody(db, m.body_id);
  const r = await regulationFor(db, m.org_id, m.meeting_date);
  const summary = await liveSummary(db, m, body.kind, r?.reg);
  return { eventId: `${m.version}-${Date.now()}`, summary };
}
