import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import type { MeetingHub } from './services/meeting.live.js';
import { connect as connectSse } from './test-sse.js';
import type { SseClient } from './test-sse.js';

const drivers = await testDrivers();

type Summary = { counts: { present: number }; quorum: { ok: boolean } | null; sites: unknown[] };
type Client = SseClient<Summary>;
const connect = (port: number, path: string, cookie: string): Client => connectSse<Summary>(port, path, cookie);

describe.each(drivers)('live updates of a meeting over server-sent events (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let port: number;
  let hub: MeetingHub;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    hub = (t.app as unknown as { meetingHub: MeetingHub }).meetingHub;
  });
  afterAll(async () => t?.close());

  it('gives 100 connection points the same update within one second of a write', async () => {
    const bch = await t.bodyId('ORG-AL', 'BCH');
    let m = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: {
          bodyId: bch,
          kind: 'thematic',
          title: 'Hội nghị trực tuyến 100 điểm cầu',
          meetingDate: '2027-03-05',
          format: 'online',
        },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/convene`,
        payload: { version: m.version, convenedBy: 'BTV' },
      })
    ).json();
    const clients = Array.from({ length: 100 }, () => connect(port, `/api/v1/meetings/${m.id}/events`, admin.cookie));
    try {
      expect(new Set(await Promise.all(clients.map((c) => c.status)))).toEqual(new Set([200]));
      await expect.poll(() => hub.connections(m.id), { timeout: 10_000 }).toBe(100);
      // Everyone got the state at connection.
      await expect.poll(() => clients.every((c) => c.events.length >= 1), { timeout: 10_000 }).toBe(true);
      expect(clients.every((c) => c.events[0]!.data.counts.present === 0)).toBe(true);

      const sent = performance.now();
      const r = await t.as(admin, {
        method: 'PATCH',
        url: `/api/v1/meetings/${m.id}/attendance/${m.attendance[0].id}`,
        payload: { status: 'present' },
      });
      expect(r.statusCode).toBe(200);
      await expect
        .poll(() => clients.filter((c) => c.events.some((e) => e.data.counts.present === 1)).length, {
          timeout: 5_000,
          interval: 20,
        })
        .toBe(100);
      const arrivals = clients.map((c) => c.events.find((e) => e.data.counts.present === 1)!);
      const latest = Math.max(...arrivals.map((e) => e.at - sent));
      expect(latest).toBeLessThan(1000);
      // The same update everywhere: one summary computed once and written to every stream.
      expect(new Set(arrivals.map((e) => JSON.stringify(e.data))).size).toBe(1);
      expect(arrivals[0]!.data.quorum).toMatchObject({ ok: false });
    } finally {
      for (const c of clients) c.req.destroy();
    }
    await expect.poll(() => hub.connections(m.id), { timeout: 10_000 }).toBe(0);
  });

  it('refuses the stream without a session or out of scope, as problem+json', async () => {
    const m = (
      await qb(t.db).selectFrom('meeting').select('id').where('kind', '=', 'regular').limit(1).executeTakeFirstOrThrow()
    ).id;
    const anonymous = connect(port, `/api/v1/meetings/${m}/events`, '');
    expect(await anonymous.status).toBe(401);
    const clerk = await t.login('vanthu.x01');
    const outside = connect(port, `/api/v1/meetings/${m}/events`, clerk.cookie);
    expect(await outside.status).toBe(403);
    anonymous.req.destroy();
    outside.req.destroy();
    expect(hub.connections(m)).toBe(0);
  });

  it('coalesces a burst of writes into few events and ends with the final count', async () => {
    const btv = await t.bodyId('ORG-AL', 'BTV');
    let m = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: { bodyId: btv, kind: 'regular', title: 'Phiên họp thử cập nhật trực tiếp', meetingDate: '2027-03-09' },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/convene`,
        payload: { version: m.version, convenedBy: 'TT' },
      })
    ).json();
    const c = connect(port, `/api/v1/meetings/${m.id}/events`, admin.cookie);
    try {
      await expect.poll(() => c.events.length).toBe(1);
      await Promise.all(
        m.attendance.map((a: { id: string }) =>
          t.as(admin, {
            method: 'PATCH',
            url: `/api/v1/meetings/${m.id}/attendance/${a.id}`,
            payload: { status: 'present' },
          }),
        ),
      );
      await expect.poll(() => c.events.at(-1)!.data.counts.present).toBe(17);
      expect(c.events.at(-1)!.data.quorum).toMatchObject({ ok: true });
      expect(c.events.length).toBeLessThan(17 + 1);
    } finally {
      c.req.destroy();
    }
  });

  it("lets a commune's clerk run its connection point of a provincial conference, and nothing more", async () => {
    const btv = await t.bodyId('ORG-AL', 'BTV');
    const x01 = await t.orgId('ORG-X01');
    const x02 = await t.orgId('ORG-X02');
    let m = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: {
          bodyId: btv,
          kind: 'thematic',
          title: 'Hội nghị trực tuyến đến các điểm cầu xã',
          meetingDate: '2027-03-10',
          format: 'online',
          provinceWide: true,
        },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/convene`,
        payload: { version: m.version, convenedBy: 'TT' },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/sites`,
        payload: { name: 'Điểm cầu xã Tân Lập', hostOrgId: x01 },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/sites`,
        payload: { name: 'Điểm cầu phường Bắc Sơn', hostOrgId: x02 },
      })
    ).json();
    const [tanLap, bacSon] = m.sites;
    const clerk = await t.login('vanthu.x01');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.as(clerk, { method, url: `/api/v1/meetings/${m.id}${url}`, payload });
    expect((await api('GET', '')).statusCode).toBe(403);
    expect((await api('GET', `/sites/${bacSon.id}`)).statusCode).toBe(403);
    const view = await api('GET', `/sites/${tanLap.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      site: { name: 'Điểm cầu xã Tân Lập' },
      live: { counts: { summoned: 17, present: 0 } },
    });
    expect(view.body).not.toContain('agenda');
    const stream = connect(port, `/api/v1/meetings/${m.id}/sites/${tanLap.id}/events`, clerk.cookie);
    try {
      expect(await stream.status).toBe(200);
      await expect.poll(() => stream.events.length).toBe(1);
      // M14 (Bí thư Đảng ủy xã Tân Lập, Ủy viên BTV) attends from the commune.
      const m14 = view.json().attendance.find((a: { fullName: string }) => a.fullName === 'Phan Anh Tuấn');
      const marked = await api('PATCH', `/sites/${tanLap.id}/attendance/${m14.id}`, { status: 'present' });
      expect(marked.statusCode, marked.body).toBe(200);
      expect(marked.json().attendance.find((a: { id: string }) => a.id === m14.id)).toMatchObject({
        status: 'present',
        here: true,
      });
      await expect.poll(() => stream.events.at(-1)!.data.counts.present).toBe(1);
      expect(
        (
          await api('POST', `/sites/${tanLap.id}/guests`, { name: 'Nguyễn Văn Khách', title: 'Phó Bí thư Đảng ủy xã' })
        ).json().live.sites[0],
      ).toMatchObject({ present: 1, guests: 1 });
      // Not at the other point, and not someone the other point has marked.
      expect((await api('PATCH', `/sites/${bacSon.id}/attendance/${m14.id}`, { status: 'present' })).statusCode).toBe(
        403,
      );
      const m15 = m.attendance.find((a: { fullName: string }) => a.fullName === 'Lương Thị Yến');
      expect(
        (
          await t.as(admin, {
            method: 'PATCH',
            url: `/api/v1/meetings/${m.id}/sites/${bacSon.id}/attendance/${m15.id}`,
            payload: { status: 'present' },
          })
        ).statusCode,
      ).toBe(200);
      expect((await api('PATCH', `/sites/${tanLap.id}/attendance/${m15.id}`, { status: 'absent' })).json().code).toBe(
        'DA_DIEM_DANH_O_DIEM_CAU_KHAC',
      );
    } finally {
      stream.req.destroy();
    }
  });
});
