import type { ServerResponse } from 'node:http';
import { getMeeting } from '@quyche/db';
import type { Db } from '@quyche/db';
import { liveSummary, loadBody, regulationFor } from './meeting.view.js';

/**
 * Live updates of meetings over server-sent events. Every write to a meeting notifies the `meeting_changed`
 * channel (at commit, through the database, so several servers on one PostgreSQL all hear it); the hub computes the
 * meeting's live summary (counts, quorum, connection points) once and writes the same event to every connected
 * page and connection point. Bursts (a clerk ticking attendance) are coalesced into one event.
 */
export class MeetingHub {
  private readonly subscribers = new Map<string, Set<ServerResponse>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private stopListening: (() => Promise<void>) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly coalesceMs = 15,
  ) {}

  async start() {
    this.stopListening = await this.db.listen('meeting_changed', (id) => this.changed(id));
    // A comment line now and then keeps proxies from closing idle streams.
    this.heartbeat = setInterval(() => {
      for (const set of this.subscribers.values()) for (const res of set) res.write(': ping\n\n');
    }, 25_000);
    this.heartbeat.unref();
  }

  async stop() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const set of this.subscribers.values()) for (const res of set) res.end();
    this.subscribers.clear();
    await this.stopListening?.();
    this.stopListening = null;
  }

  connections(meetingId?: string): number {
    if (meetingId) return this.subscribers.get(meetingId)?.size ?? 0;
    let n = 0;
    for (const s of this.subscribers.values()) n += s.size;
    return n;
  }

  /** Registers an open stream (the caller has checked access) and sends it the current summary at once. */
  async subscribe(meetingId: string, res: ServerResponse) {
    let set = this.subscribers.get(meetingId);
    if (!set) this.subscribers.set(meetingId, (set = new Set()));
    set.add(res);
    res.on('close', () => {
      set!.delete(res);
      if (set!.size === 0 && this.subscribers.get(meetingId) === set) this.subscribers.delete(meetingId);
    });
    const event = await this.summaryEvent(meetingId);
    if (event) res.write(event);
  }

  private changed(meetingId: string) {
    if (!this.subscribers.has(meetingId) || this.pending.has(meetingId)) return;
    this.pending.set(
      meetingId,
      setTimeout(() => {
        this.pending.delete(meetingId);
        void this.broadcast(meetingId);
      }, this.coalesceMs),
    );
  }

  private async broadcast(meetingId: string) {
    const set = this.subscribers.get(meetingId);
    if (!set || set.size === 0) return;
    let event: string | null;
    try {
      event = await this.summaryEvent(meetingId);
    } catch {
      return; // the database is closing: the next change sends a fresh summary
    }
    if (event) for (const res of set) res.write(event);
  }

  private async summaryEvent(meetingId: string): Promise<string | null> {
    const m = await getMeeting(this.db, meetingId);
    if (!m) return null;
    const body = await loadBody(this.db, m.body_id);
    const r = await regulationFor(this.db, m.org_id, m.meeting_date);
    const summary = await liveSummary(this.db, m, body.kind, r?.reg);
    return `event: summary\nid: ${m.version}-${Date.now()}\ndata: ${JSON.stringify(summary)}\n\n`;
  }
}
