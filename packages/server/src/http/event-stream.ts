import type { FastifyReply } from 'fastify';
import { leaveGate } from './request.gate.js';

/** The response becomes an event stream (a live hub writes to it until the client leaves). */
export function openStream(reply: FastifyReply) {
  // A stream stays open for hours: it must not hold one of the request slots (and a hijacked reply has no onResponse).
  leaveGate(reply.request);
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
    'x-accel-buffering': 'no',
  });
  reply.raw.write('retry: 3000\n\n');
}
