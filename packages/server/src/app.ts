import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { problem, ProblemError, todayInVietnam } from '@quyche/core';
import type { Db } from '@quyche/db';
import type { AppConfig } from './config.js';
import { jsonGuardProblem, sendProblem, toProblem } from './http/problem.http.js';
import { scanJson } from './http/json-guard.js';
import { warmFilePool } from './files/file.pool.js';
import { accessCache, withAccessCache } from './http/access.cache.js';
import { enterGate, leaveGate, RequestGate } from './http/request.gate.js';
import { openApiDocument } from './http/openapi.js';
import { routes } from './http/route.js';
import { authRoutes } from './routes/auth.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { personRoutes } from './routes/person.routes.js';
import { userRoutes } from './routes/user.routes.js';
import { regulationRoutes } from './routes/regulation.routes.js';
import { documentRoutes } from './routes/document.routes.js';
import { meetingRoutes } from './routes/meeting.routes.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { briefingRoutes } from './routes/briefing.routes.js';
import { memberRoutes } from './routes/member.routes.js';
import { assessmentRoutes } from './routes/assessment.routes.js';
import { cellRoutes } from './routes/cell.routes.js';
import { programRoutes } from './routes/program.routes.js';
import { taskRoutes } from './routes/task.routes.js';
import { MeetingHub } from './services/meeting.live.js';
import { JobRunner } from './services/job.service.js';
import { reminderHandlers } from './services/reminder.service.js';
import { consultationHandlers } from './services/consultation.reminder.js';
import { assessmentReminderHandlers } from './services/assessment.reminder.js';
import { consultationRoutes } from './routes/consultation.routes.js';
import { ConsultationHub } from './services/consultation.live.js';
import { notificationRoutes } from './routes/notification.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { directoryRoutes } from './routes/directory.routes.js';
import { conclusionListRoutes } from './routes/conclusion-list.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { backupHandlers } from './services/backup.job.js';
import { loadSessionUser } from './services/auth.service.js';

z.config(z.locales.vi());

/** How long stopping the server waits for answers under way before it ends their connections. */
export const CLOSE_GRACE_MS = 10_000;

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** `localToken`: the token of the server's file in its data folder, accepted from this machine for backups. */
export async function buildApp(
  database: Db,
  config: AppConfig,
  opts: { logger?: boolean; localToken?: string; log?: (s: string) => void; closeGraceMs?: number } = {},
): Promise<FastifyInstance> {
  const db = withAccessCache(database);
  const app = Fastify({
    logger: opts.logger ? { level: 'warn' } : false,
    bodyLimit: config.bodyLimit,
    // Behind a reverse proxy (QUYCHE_TRUST_PROXY) req.ip is the client's, so that login throttling counts it.
    trustProxy: config.trustProxy,
    // Malformed JSON, prototype-pollution keys and the like are rejected by the parser itself.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // URLs the router cannot read (bad percent-encoding, an overlong segment) leave as problem+json too.
    frameworkErrors: (err, _req, reply) => {
      const tooLong = (err as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendProblem(
        reply,
        tooLong
          ? problem('URI_TOO_LONG', { field: 'params' })
          : problem('VALIDATION_FAILED', { field: 'params', detail: 'Địa chỉ không đọc được (mã hóa % sai)' }),
      );
    },
  });
  await app.register(cookie);
  if (opts.localToken) app.decorate('localToken', opts.localToken);
  // JSON bodies pass the guard first: a lone surrogate, NUL or a 50,000-level nesting is refused naming the field,
  // before any code walks the value (PostgreSQL would refuse the first two; the third would overflow the stack).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const issue = scanJson(body as string);
    if (issue) return done(new ProblemError(jsonGuardProblem(issue)), undefined);
    return parseJson(req, body as string, done);
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req.routeOptions?.bodyLimit ?? config.bodyLimit);
    if (p.status >= 500) req.log.error(err);
    return sendProblem(reply, p);
  });

  // Served in order of arrival, a few at a time (see request.gate.ts): on PGlite every query shares one thread.
  const slots = config.requestSlots ?? (db.driver === 'pglite' ? 4 : 0);
  if (slots > 0) {
    const gate = new RequestGate(slots);
    app.addHook('preHandler', async (req) => {
      if (req.url.startsWith('/api/')) await enterGate(gate, req);
    });
    app.addHook('onResponse', async (req) => leaveGate(req));
    app.addHook('onRequestAbort', async (req) => leaveGate(req));
  }

  routes.length = 0;
  authRoutes(app, db, config);
  orgRoutes(app, db);
  personRoutes(app, db);
  userRoutes(app, db);
  regulationRoutes(app, db);
  documentRoutes(app, db);
  const hub = new MeetingHub(db);
  app.decorate('meetingHub', hub);
  app.decorate('today', () => config.today ?? todayInVietnam());
  app.addHook('onReady', async () => hub.start());
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => hub.stop());
  // Background jobs (reminders): built here, started by `serve` (tests run them by hand).
  const jobs = new JobRunner(db, {
    ...reminderHandlers(config),
    ...consultationHandlers(config),
    ...assessmentReminderHandlers(config),
    ...backupHandlers(config, opts.log),
  });
  app.decorate('jobs', jobs);
  app.addHook('preClose', async () => jobs.stop());
  meetingRoutes(app, db, hub);
  calendarRoutes(app, db);
  reviewRoutes(app, db);
  briefingRoutes(app, db);
  memberRoutes(app, db);
  assessmentRoutes(app, db);
  cellRoutes(app, db);
  taskRoutes(app, db);
  programRoutes(app, db);
  const consultationHub = new ConsultationHub(db);
  app.addHook('onReady', async () => consultationHub.start());
  app.addHook('preClose', async () => consultationHub.stop());
  consultationRoutes(app, db, consultationHub);
  notificationRoutes(app, db, config);
  homeRoutes(app, db);
  directoryRoutes(app, db);
  conclusionListRoutes(app, db);
  systemRoutes(app, db);
  app.get('/api/v1/openapi.json', async (req, reply) => {
    if (!(await loadSessionUser(db, req))) return sendProblem(reply, problem('UNAUTHENTICATED'));
    return openApiDocument();
  });
  app.get('/healthz', async () => ({ ok: true }));
  // The access cache hears of changes to sessions, grants and the tree from the database (every server alike).
  app.addHook('onReady', async () => accessCache(db).listen());
  app.addHook('preClose', async () => accessCache(db).close());
  // The file pool's first thread starts with the server, so that the first upload does not wait for it.
  app.addHook('onReady', async () => warmFilePool());
  // Stopping waits for answers under way, but not for ever: a client that stops reading (or never finishes sending)
  // would hold its connection open for a minute or more; after the grace period its connection is ended.
  let closing: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = setTimeout(() => app.server.closeAllConnections(), opts.closeGraceMs ?? CLOSE_GRACE_MS);
    closing.unref();
  });
  app.addHook('onClose', async () => clearTimeout(closing));

  const webDir = config.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });

  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/')) {
      // Without a session an unknown API path answers 401 like the known ones: it reveals nothing.
      if (!(await loadSessionUser(db, req))) return sendProblem(reply, problem('UNAUTHENTICATED'));
      return sendProblem(reply, problem('ROUTE_NOT_FOUND', { detail: `${req.method} ${req.url.split('?')[0]}` }));
    }
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD'))
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return sendProblem(reply, problem('ROUTE_NOT_FOUND'));
  });
  return app;
}
