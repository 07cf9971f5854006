import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import { connect } from './test-sse.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Live {
  counts: { comments: number; answered: number; open: number };
  sites: { siteId: string; name: string; comments: number }[];
}

/**
 * An online consultation conference: the province's draft is discussed with the communes at their connection points
 * of a Tỉnh ủy conference; each point's comments reach every page following the consultation at once.
 */
describe.each(drivers)('online consultation conference with connection points (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => t?.close());

  const ok = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const r = await t.as(admin, { method, url: `${API}${url}`, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json() as T;
  };

  it(
    'shows every page the comments of each connection point as they are given, ' +
      'and refuses a point of another organization',
    async () => {
      const demo = (
        await qb(t.db)
          .selectFrom('consultation')
          .select('id')
          .where('title', 'like', 'Lấy ý kiến các đảng ủy xã, phường%')
          .executeTakeFirstOrThrow()
      ).id;
      const c = await ok<{ recipients: { id: string; refId: string; status: string }[] }>(
        'GET',
        `/consultations/${demo}`,
      );
      const late = c.recipients.filter((r) => r.status === 'late').slice(0, 3);
      const bch = (
        await qb(t.db)
          .selectFrom('body as b')
          .innerJoin('organization as o', 'o.id', 'b.org_id')
          .select('b.id')
          .where('o.code', '=', 'ORG-AL')
          .where('b.kind', '=', 'BCH')
          .where('b.valid_until', 'is', null)
          .executeTakeFirstOrThrow()
      ).id;
      let m = await ok<{ id: string; sites: { id: string; name: string }[] }>('POST', '/meetings', {
        bodyId: bch,
        kind: 'thematic',
        title: 'Hội nghị trực tuyến lấy ý kiến dự thảo sửa đổi Quy chế làm việc',
        meetingDate: '2026-12-04',
        format: 'online',
      });
      for (const [i, r] of late.entries())
        m = await ok('POST', `/meetings/${m.id}/sites`, { name: `Điểm cầu số ${i + 1}`, hostOrgId: r.refId });
      const clients = Array.from({ length: 20 }, () =>
        connect<Live>(port, `${API}/consultations/${demo}/events`, admin.cookie),
      );
      try {
        expect(new Set(await Promise.all(clients.map((x) => x.status)))).toEqual(new Set([200]));
        await expect.poll(() => clients.every((x) => x.events.length >= 1), { timeout: 10_000 }).toBe(true);
        const before = clients[0]!.events[0]!.data.counts.comments;
        for (const [i, r] of late.entries()) {
          const site = m.sites.find((s) => s.name === `Điểm cầu số ${i + 1}`)!;
          await ok('POST', `/consultations/${demo}/answers`, {
            recipientId: r.id,
            comments: [
              { kind: 'clause', eId: 'art_12__para_3', text: `Ý kiến tại điểm cầu số ${i + 1}`, siteId: site.id },
            ],
          });
        }
        const last = (x: (typeof clients)[number]) => x.events.at(-1)!.data;
        await expect
          .poll(() => clients.filter((x) => last(x).counts.comments === before + 3).length, {
            timeout: 5_000,
            interval: 20,
          })
          .toBe(20);
        expect(last(clients[7]!).sites.map((s) => [s.name, s.comments])).toEqual([
          ['Điểm cầu số 1', 1],
          ['Điểm cầu số 2', 1],
          ['Điểm cầu số 3', 1],
        ]);
        const comments = await ok<{ siteId: string | null; text: string }[]>('GET', `/consultations/${demo}/comments`);
        expect(
          comments
            .filter((x) => x.siteId)
            .map((x) => x.text)
            .sort(),
        ).toEqual(['Ý kiến tại điểm cầu số 1', 'Ý kiến tại điểm cầu số 2', 'Ý kiến tại điểm cầu số 3']);
      } finally {
        for (const x of clients) x.req.destroy();
      }
      // A connection point of a meeting of another organization is refused, naming the field.
      const x01 = await t.orgId('ORG-X01');
      const commune = (
        await qb(t.db)
          .selectFrom('body')
          .select('id')
          .where('org_id', '=', x01)
          .where('kind', '=', 'BCH')
          .executeTakeFirstOrThrow()
      ).id;
      const other = await ok<{ id: string; sites: { id: string }[] }>('POST', '/meetings', {
        bodyId: commune,
        kind: 'regular',
        title: 'Hội nghị Đảng ủy xã',
        meetingDate: '2026-12-05',
        format: 'online',
      }).then((mm) =>
        ok<{ id: string; sites: { id: string }[] }>('POST', `/meetings/${mm.id}/sites`, { name: 'Điểm cầu thôn 1' }),
      );
      const recipient = c.recipients.find((r) => r.status === 'late' && !late.some((l) => l.id === r.id))!;
      const bad = await t.as(admin, {
        method: 'POST',
        url: `${API}/consultations/${demo}/answers`,
        payload: { recipientId: recipient.id, comments: [{ kind: 'general', text: 'x', siteId: other.sites[0]!.id }] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'body.comments[0].siteId' });
    },
  );
});
