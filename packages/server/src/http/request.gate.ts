import type { FastifyRequest } from 'fastify';

/**
 * First come, first served: at most `slots` requests do their work at once, the others wait in arrival order.
 * PGlite runs every query on this process's one thread; fifty requests that each run fifteen queries in turn
 * would all finish late, the longest ones last by seconds. Served a few at a time, each waits for those before it
 * and then runs nearly alone, so that the slowest answer is close to the typical one. A request leaves its slot
 * while it waits for something else (a file in the worker pool, a stream held open).
 */
export class RequestGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly slots: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(): Promise<void> {
    if (this.active < this.slots) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // the slot passes on: `active` stays the same
    else this.active--;
  }
}

const SLOT = Symbol('requestGateSlot');
interface Slot {
  gate: RequestGate;
  held: boolean;
}
type WithSlot = FastifyRequest & { [SLOT]?: Slot };

export async function enterGate(gate: RequestGate, req: FastifyRequest): Promise<void> {
  await gate.acquire();
  (req as WithSlot)[SLOT] = { gate, held: true };
}

/** Gives the request's slot back (idempotent): its answer is sent, or it only waits now. */
export function leaveGate(req: FastifyRequest): void {
  const slot = (req as WithSlot)[SLOT];
  if (!slot?.held) return;
  slot.held = false;
  slot.gate.release();
}

/** Runs `fn` without holding the request's slot (waiting for a worker thread), then takes a slot again. */
export async function outsideGate<T>(req: FastifyRequest | undefined, fn: () => Promise<T>): Promise<T> {
  const slot = req ? (req as WithSlot)[SLOT] : undefined;
  if (!req || !slot?.held) return fn();
  leaveGate(req);
  try {
    return await fn();
  } finally {
    await slot.gate.acquire();
    slot.held = true;
  }
}
