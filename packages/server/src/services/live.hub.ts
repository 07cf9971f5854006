import type { ServerResponse } from 'node:http';
import type { Db } from '@quyche/db';

/**
 * Live updates over server-sent events. Every write to a record notifies a channel of the database (at commit, so
 * several servers on one PostgreSQL all hear it); the hub computes the record's summary once and writes the same
 * event to every page connected to that record. Bursts (a clerk ticking attendance) are coalesced into one event.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<ServerResponse>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private stopListening: (() => Promise<void>) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly channel: string,
    /** The record's summary and the event id it goes out under (null: the record is gone). */
    private readonly summaryOf: (id: string) => Promise<{ eventId: string; summary: unknown } | null>,
    private readonly coalesceMs = 15,
  ) {}

  async start() {
    this.stopListening = await this.db.listen(this.channel, (id) => this.changed(id));
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

  connections(id?: string): number {
    if (id) return this.subscribers.get(id)?.size ?? 0;
    let n = 0;
    for (const s of this.subscribers.values()) n += s.size;
    return n;
  }

  /** Registers an open stream (the caller has checked access) and sends it the current summary at once. */
  async subscribe(id: string, res: ServerResponse) {
    let set = this.subscribers.get(id);
    if (!set) this.subscribers.set(id, (set = new Set()));
    set.add(res);
    res.on('close', () => {
      set!.delete(res);
      if (set!.size === 0 && this.subscribers.get(id) === set) this.subscribers.delete(id);
    });
    const event = await this.summaryEvent(id);
    if (event) res.write(event);
  }

  private async summaryEvent(id: string) {
    const s = await this.summaryOf(id);
    return s ? `event: summary\nid: ${s.eventId}\ndata: ${JSON.stringify(s.summary)}\n\n` : null;
  }

  private changed(id: string) {
    if (!this.subscribers.has(id) || this.pending.has(id)) return;
    this.pending.set(
      id,
      setTimeout(() => {
        this.pending.delete(id);
        void this.broadcast(id);
      }, this.coalesceMs),
    );
  }

  private async broadcast(id: string) {
    const set = this.subscribers.get(id);
    if (!set || set.size === 0) return;
    let event: string | null;
    try {
      event = await this.summaryEvent(id);
    } catch {
      return; // the database is closing: the next change sends a fresh summary
    }
    if (event) for (const res of set) res.write(event);
  }
}
