import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  BodyCalendarSchema,
  CalendarQuerySchema,
  FeedTokenSchema,
  ConferenceQuotaReportSchema,
  DeviationReportSchema,
  IdParamsSchema,
  IdSchema,
  ProblemError,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { RequestContext } from '../http/context.js';
import { sendProblem, toProblem } from '../http/problem.http.js';
import { taggedRoutesOf } from '../http/route.js';
import * as calendar from '../services/calendar.service.js';
import { bodyFeed, feedUser, newFeedToken, personFeed } from '../services/ics.service.js';

export function calendarRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'calendar');
  /** A year's report on a body or organization (this year unless `year`), as it stood `asOf` if given. */
  const yearly = <R extends z.ZodType>(
    url: string,
    summary: string,
    response: R,
    report: (ctx: RequestContext, id: string, year: number, asOf?: string) => Promise<z.input<R>>,
  ) =>
    r({
      method: 'GET',
      url,
      summary,
      params: IdParamsSchema,
      query: CalendarQuerySchema,
      response,
      handler: ({ ctx, params, query }) =>
        report(ctx, params.id, query.year ?? Number(ctx.today().slice(0, 4)), query.asOf),
    });
  yearly(
    '/bodies/:id/calendar',
    'Lịch họp theo chế độ họp của quy chế trong một năm, bên cạnh các cuộc họp thực tế',
    BodyCalendarSchema,
    calendar.bodyCalendar,
  );
  yearly(
    '/organizations/:id/meeting-deviations',
    'Các sai lệch so với quy chế trong năm (chế độ họp, gửi tài liệu, điều kiện hợp lệ, ' +
      'thông báo kết luận, thẩm quyền)',
    DeviationReportSchema,
    calendar.deviationReport,
  );
  yearly(
    '/organizations/:id/conference-quotas',
    'Hạn mức hội nghị trong năm theo quy chế (tỷ lệ trực tiếp, hội nghị toàn tỉnh, giảm so với năm trước)',
    ConferenceQuotaReportSchema,
    calendar.conferenceQuotaReport,
  );
  r({
    method: 'POST',
    url: '/calendar/feed-token',
    summary: 'Tạo (lại) địa chỉ riêng của lịch họp dạng ICS cho tài khoản; địa chỉ cũ hết hiệu lực',
    response: FeedTokenSchema,
    handler: async ({ ctx }) => {
      const t = await newFeedToken(ctx);
      return {
        token: t.token,
        bodyFeedTemplate: t.bodyFeed('{bodyId}'),
        personFeedTemplate: t.personFeed('{personId}'),
      };
    },
  });

  // Calendar programs fetch feeds without cookies: the private token in the address stands for the account.
  const icsParams = z.strictObject({ token: z.string().max(100), id: IdSchema });
  const ics = (kind: 'bodies' | 'people') =>
    app.get(`/api/v1/ics/:token/${kind}/:id.ics`, async (req, reply) => {
      try {
        const p = icsParams.safeParse(req.params);
        if (!p.success) throw new ProblemError('NOT_FOUND');
        const user = await feedUser(db, p.data.token);
        if (!user)
          throw new ProblemError('NOT_FOUND', {
            detail: 'Địa chỉ lịch không còn hiệu lực: tạo địa chỉ mới trong Quychế',
          });
        const ctx = new RequestContext(db, user, req, reply);
        const base = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
        const text = kind === 'bodies' ? await bodyFeed(ctx, p.data.id, base) : await personFeed(ctx, p.data.id, base);
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(text);
      } catch (e) {
        return sendProblem(reply, toProblem(e));
      }
    });
  ics('bodies');
  ics('people');
}
