#!/usr/bin/env node
// (g) Fair latency under load: 50 clients, each signed in with its own session, send requests one after another
// for 20 s to GET /tasks, GET /meetings/:id (every meeting held in turn, then the largest alone) and POST /tasks of
// the An Lạc demo (each in its own run);
// p50, p99, max and errors of each, and for the writes, whether every acknowledged task is stored.
// The server is a child process on PGlite (default) or on a fresh PostgreSQL database (--pg); the clients are
// this process. Options: --clients N (50), --duration S (20), --pg, --only tasks|meetings|meeting|create.
import http from 'node:http';
import { arg, login, pct, startDemoServer } from './server.mjs';

function closedLoop({ base, sessions, duration, request }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length });
  const url = new URL(base);
  const lat = [];
  let errors = 0;
  const statuses = new Map();
  const until = performance.now() + duration * 1000;
  const send = (s, k) =>
    new Promise((resolve) => {
      const { method, path, body } = request(k);
      const payload = body ? JSON.stringify(body) : undefined;
      const t = performance.now();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            cookie: s.cookie,
            'x-csrf-token': s.csrf,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            lat.push(performance.now() - t);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 300) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });
  let seq = 0;
  return Promise.all(
    sessions.map(async (s) => {
      while (performance.now() < until) await send(s, seq++);
    }),
  ).then(() => {
    agent.destroy();
    return { lat, errors, statuses, seconds: duration };
  });
}

const row = (name, r) => {
  const ms = (v) => v.toFixed(0).padStart(5);
  return (
    `${name.padEnd(44)} ${String(r.lat.length).padStart(6)} yêu cầu ${ms(r.lat.length / r.seconds)}/s   ` +
    `p50 ${ms(pct(r.lat, 50))} ms   p99 ${ms(pct(r.lat, 99))} ms   ` +
    `tối đa ${ms(Math.max(...r.lat))} ms   lỗi ${r.errors}`
  );
};

export async function runLoadBench({
  usePg = process.argv.includes('--pg'),
  clients = Number(arg('clients', 50)),
  duration = Number(arg('duration', 20)),
  only = arg('only', null),
} = {}) {
  const srv = await startDemoServer({ pg: usePg, tag: 'load' });
  try {
    const sessions = [];
    for (let i = 0; i < clients; i++) sessions.push(await login(srv.base));
    const get = (path) =>
      fetch(`${srv.base}/api/v1${path}`, { headers: { cookie: sessions[0].cookie } }).then((r) => r.json());
    const al = (await get('/organizations/tree?asOf=2026-01-01&depth=1')).roots.find((o) => o.code === 'ORG-AL');
    // The meetings held or under way (what clerks open), and the one with the most on its page: the province-wide
    // conference with its 97 connection points.
    const meetings = await get('/meetings');
    const detailed = [];
    for (const m of meetings.filter((x) => x.state !== 'planned')) {
      const d = await get(`/meetings/${m.id}`);
      detailed.push({ id: m.id, size: JSON.stringify(d).length });
    }
    detailed.sort((a, b) => b.size - a.size);
    const meeting = detailed[0];
    const median = detailed[Math.floor(detailed.length / 2)];
    const office = (await get(`/organizations/${al.id}`)).bodies?.find((b) => b.name === 'Văn phòng Tỉnh ủy');
    const marker = `Tải thử ${Date.now().toString(36)}`;
    const taskList = await get('/tasks');
    console.log(
      `(g) ${clients} người dùng đồng thời (mỗi người một phiên), ${duration} s mỗi tuyến, CSDL ${srv.driver}; ` +
        `demo: ${taskList.total} nhiệm vụ, ${detailed.length} hội nghị đã họp (trang trung ` +
        `vị ${median.size.toLocaleString('vi-VN')} byte, lớn nhất ${meeting.size.toLocaleString('vi-VN')} byte)`,
    );
    const runs = {
      tasks: ['GET /tasks (trang đầu, cả tỉnh)', () => ({ method: 'GET', path: '/api/v1/tasks' })],
      meetings: [
        `GET /meetings/:id (lần lượt ${detailed.length} hội nghị)`,
        (k) => ({ method: 'GET', path: `/api/v1/meetings/${detailed[k % detailed.length].id}` }),
      ],
      meeting: [
        'GET /meetings/:id (97 điểm cầu, lớn nhất)',
        () => ({ method: 'GET', path: `/api/v1/meetings/${meeting.id}` }),
      ],
      create: [
        'POST /tasks (giao nhiệm vụ)',
        (k) => ({
          method: 'POST',
          path: '/api/v1/tasks',
          body: {
            orgId: al.id,
            title: `${marker} số ${k}`,
            sourceKind: 'other',
            leads: office ? [{ kind: 'unit', id: office.id, name: office.name }] : [],
            dueDate: '2027-06-30',
          },
        }),
      ],
    };
    const out = {};
    for (const [key, [name, request]] of Object.entries(runs)) {
      if (only && only !== key) continue;
      const r = await closedLoop({ base: srv.base, sessions, duration, request });
      out[key] = r;
      console.log(row(name, r));
      if (key === 'create') {
        const acknowledged = r.statuses.get(201) ?? 0;
        const stored = (await get(`/tasks?q=${encodeURIComponent(marker)}&pageSize=1`)).total;
        console.log(
          `    nhiệm vụ được xác nhận (201): ${acknowledged}, ` +
            `có trong CSDL: ${stored}${acknowledged === stored ? ' — khớp' : ' — KHÔNG KHỚP'}`,
        );
        out.stored = { acknowledged, stored };
      }
    }
    return out;
  } finally {
    await srv.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLoadBench();
