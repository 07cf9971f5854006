import { describe, expect, it } from 'vitest';
import { RequestGate } from './request.gate.js';

describe('RequestGate', () => {
  it('serves at most its slots at once, the others in order of arrival', async () => {
    const gate = new RequestGate(2);
    const order: number[] = [];
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        await gate.acquire();
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        gate.release();
      }),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gate.queued).toBe(0);
  });
});
