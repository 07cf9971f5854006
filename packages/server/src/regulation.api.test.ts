import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import { readFileSync } from 'node:fs';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const example = readFileSync(new URL('../../../regulations/examples/tinh-a.qc.md', import.meta.url), 'utf8');
const amendment = readFileSync(
  new URL('../../../regulations/examples/tinh-a-sua-doi-2026.qc.yaml', import.meta.url),
  'utf8',
);

describe.each(drivers)('regulations stored and served (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let regId: string;
  let v1: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('validates a text without storing it, with line and column on a parse error', async () => {
    const ok = (
      await t.as(admin, { method: 'POST', url: '/api/v1/regulations/validate', payload: { text: example } })
    ).json();
    expect(ok).toMatchObject({ ok: true, articles: 8, rules: 15 });
    const bad = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/regulations/validate',
        payload: { text: '## Điều 1. A\n1. B\n```quy-tac\n- { id: x, kind: magic }\n```' },
      })
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.error.line).toBe(4);
  });

  it('stores a regulation verbatim with its parsed form, refuses an unparsable upload naming the line', async () => {
    const al = await t.orgId('ORG-AL');
    const r = await t.as(admin, { method: 'POST', url: '/api/v1/regulations', payload: { orgId: al, text: example } });
    expect(r.statusCode).toBe(201);
    v1 = r.json().id;
    expect(r.json()).toMatchObject({ expression: 'vie@2025-11-20', status: 'adopted', inForceFrom: '2025-11-20' });
    const stored = await qb(t.db)
      .selectFrom('regulation_version')
      .select('source_text')
      .where('id', '=', v1)
      .executeTakeFirstOrThrow();
    expect(stored.source_text).toBe(example);
    const list = (await t.as(admin, { method: 'GET', url: '/api/v1/regulations' })).json();
    regId = list.find((x: { work: string }) => x.work === '/vn-tinh-a/quy-che/tinh-uy/2025/qclv').id;
    const bad = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/regulations',
      payload: { orgId: al, text: '---\ntitle: x\n' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body.text', line: 1 });
    expect(
      (await t.as(admin, { method: 'POST', url: '/api/v1/regulations', payload: { orgId: al, text: example } }))
        .statusCode,
    ).toBe(409);
  });

  it('shows a version with its chapters, rules, scenario results and lint findings', async () => {
    const v = (await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${regId}/versions/${v1}` })).json();
    expect(v.chapters.map((c: { eId: string }) => c.eId)).toEqual(['chp_2', 'chp_3', 'chp_4']);
    expect(v.tests.every((x: { passed: boolean }) => x.passed)).toBe(true);
    expect(v.rules).toHaveLength(15);
  });

  it('answers a question with the clause, and an amendment changes the answer from its date', async () => {
    const ask = (at: string) =>
      t.as(admin, {
        method: 'POST',
        url: `/api/v1/regulations/${regId}/ask`,
        payload: { ask: 'notice', at, input: { body: 'BCH', meeting_date: at, documents_sent: '2026-07-07' } },
      });
    const before = (await ask('2026-07-14')).json();
    expect(before).toMatchObject({ result: { ok: true }, eIds: ['chp_4__art_10__para_1'] });
    expect(before.reason_vi).toContain('khoản 1 Điều 10');
    const a = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/regulations/${regId}/amendments`,
      payload: { text: amendment },
    });
    expect(a.statusCode).toBe(201);
    const cons = (
      await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${regId}/consolidated?at=2026-07-01` })
    ).json();
    expect(cons.pending).toEqual([
      { work: '/vn-tinh-a/quyet-dinh/tinh-uy/2026/sua-doi-qclv', date: '2026-09-01', op: 'repeal', target: 'art_12' },
    ]);
    const v2 = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/regulations/${regId}/versions`,
      payload: { text: cons.text },
    });
    expect(v2.statusCode).toBe(201);
    const after = (await ask('2026-07-14')).json();
    expect(after.result.ok).toBe(false);
    expect(after.expression).toBe('vie@2026-07-01');
    // The old version still answers for earlier dates.
    const early = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/regulations/${regId}/ask`,
        payload: {
          ask: 'notice',
          at: '2026-03-10',
          input: { body: 'BCH', meeting_date: '2026-03-10', documents_sent: '2026-03-03' },
        },
      })
    ).json();
    expect(early).toMatchObject({ result: { ok: true }, expression: 'vie@2025-11-20' });
    const diff = (
      await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${regId}/diff?from=${v1}&to=${v2.json().id}` })
    ).json();
    expect(diff.rows.map((r: { cite: string }) => r.cite)).toEqual(
      expect.arrayContaining(['khoản 1 Điều 10', 'Điều 9a']),
    );
    expect(diff.markdown).toContain('BẢNG SO SÁNH');
  });

  it(
    'serves the demo 01-QC/TU with its versions in force and its draft under consultation: the amended ' +
      'notice answers from 01/07/2026',
    async () => {
      const list = (await t.as(admin, { method: 'GET', url: '/api/v1/regulations' })).json();
      const al = list.find((r: { work: string }) => r.work === '/vn-an-lac/quy-che/tinh-uy/2025/qclv');
      // As adopted, consolidated with 15-QĐ/TU, and the draft amendment circulated to the communes.
      expect(al.versionCount).toBe(3);
      const detail = (await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${al.id}` })).json();
      expect(detail.versions.map((v: { status: string }) => v.status)).toEqual(['adopted', 'consolidated', 'draft']);
      const ask = async (date: string, sent: string) =>
        (
          await t.as(admin, {
            method: 'POST',
            url: `/api/v1/regulations/${al.id}/ask`,
            payload: { ask: 'notice', at: date, input: { body: 'BCH', meeting_date: date, documents_sent: sent } },
          })
        ).json();
      expect((await ask('2026-04-10', '2026-04-03')).result.ok).toBe(true);
      const july = await ask('2026-07-10', '2026-07-03');
      expect(july.result.ok).toBe(false);
      expect(july.reason_vi).toContain('7 ngày làm việc');
      expect(july.reason_vi).toContain('khoản 3 Điều 12');
    },
  );

  it('serves the comparison table as DOCX and imports a text regulation', async () => {
    const list = (await t.as(admin, { method: 'GET', url: '/api/v1/regulations' })).json();
    const al = list.find((r: { work: string }) => r.work === '/vn-an-lac/quy-che/tinh-uy/2025/qclv');
    const detail = (await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${al.id}` })).json();
    const [a, b] = detail.versions.map((v: { id: string }) => v.id);
    const docx = await t.as(admin, { method: 'GET', url: `/api/v1/regulations/${al.id}/diff.docx?from=${a}&to=${b}` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = 'QUY CHẾ\nĐiều 1. Phạm vi\n1. Nội dung.\nĐiều 2. Hiệu lực\n';
    const imp = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/regulations/import',
        payload: { fileName: 'qc.txt', contentBase64: Buffer.from(text).toString('base64') },
      })
    ).json();
    expect(imp.report).toMatchObject({ isRegulation: true, articles: 2 });
    const bad = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/regulations/import',
      payload: { fileName: 'qc.docx', contentBase64: Buffer.from('not a zip').toString('base64') },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('KHONG_PHAI_DOCX');
  });

  it('answers "no rule" as a problem naming the engine code', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/regulations/${regId}/ask`,
      payload: { ask: 'quorum', at: '2026-03-10', input: { body: 'TT', summoned: 4, present: 3 } },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('ENGINE_NO_RULE');
  });

  it('keeps a commune clerk out of the province regulation', async () => {
    const clerk = await t.login('vanthu.x01');
    expect((await t.as(clerk, { method: 'GET', url: `/api/v1/regulations/${regId}` })).statusCode).toBe(403);
    // The clerk sees the commune's own regulation only.
    expect(
      (await t.as(clerk, { method: 'GET', url: '/api/v1/regulations' })).json().map((r: { work: string }) => r.work),
    ).toEqual(['/vn-an-lac/quy-che/dang-uy-xa-tan-lap/2025/qclv']);
  });
});
