import type { FastifyReply } from 'fastify';

/** The response becomes an event stream (a live hub writes to it until the client leaves). */
export function openStream(reply: FastifyReply) {
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
