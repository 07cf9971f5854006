import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import writeXlsxFile from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import { SHEET_COLUMNS } from './services/task-sheet.service.js';
import { deflatedEntry, docxBomb, whitespaceSheet, zipOf } from './files/zip.fixture.js';
import { parseInPool } from './files/file.pool.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

/** LibreOffice, when installed (Debian's libreoffice-calc): the exported CSV must open in it as text. */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const drivers = await testDrivers();
const API = '/api/v1';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const TITLES = SHEET_COLUMNS.map((c) => c.title);
const sheet = async (rows: string[][]) =>
  (await writeXlsxFile(
    rows.map((r) => r.map((value) => ({ value, type: String }))),
    {},
  ).toBuffer()) as Buffer;

describe.each(drivers)('untrusted files (%s)', (driver) => {
  let t: TestApp;
  let base: string;
  let admin: Session;
  let viewer: Session;
  let al: string;
  const bomb = docxBomb(500);

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    viewer = await t.login('xem');
    al = await t.orgId('ORG-AL');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    // The other clerk's route, warmed up: what is measured below is waiting, not the first compilation.
    for (let i = 0; i < 5; i++)
      await (await fetch(`${base}${API}/organizations/${al}`, { headers: { cookie: admin.cookie } })).arrayBuffer();
  });
  afterAll(async () => t?.close());

  const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });

  /** Sends `upload` and, while it is under way, another client's requests one after another: their latencies. */
  async function whileUploading(upload: () => Promise<Response>) {
    const t0 = performance.now();
    let done = false;
    const answer = upload().then(async (r) => {
      done = true;
      return { status: r.status, body: (await r.json()) as Record<string, unknown>, ms: performance.now() - t0 };
    });
    const others: number[] = [];
    do {
      const s = performance.now();
      const r = await fetch(`${base}${API}/organizations/${al}`, { headers: { cookie: admin.cookie } });
      expect(r.status).toBe(200);
      // Read to the end: an unread answer holds its connection busy, and closing the server would wait for it.
      await r.arrayBuffer();
      others.push(performance.now() - s);
    } while (!done);
    return { ...(await answer), others };
  }

  it('refuses the whitespace sheet within a second while another clerk is answered at once', async () => {
    const ws = whitespaceSheet(await sheet([TITLES, ['Nhiệm vụ A', 'Văn phòng Tỉnh ủy']]), 20_000_000);
    expect(ws.length).toBeLessThan(100_000);
    const r = await whileUploading(() =>
      fetch(`${base}${API}/tasks/import`, {
        method: 'POST',
        headers: headers(admin),
        body: JSON.stringify({
          orgId: al,
          fileName: 'nhiem-vu.xlsx',
          contentBase64: ws.toString('base64'),
          dryRun: true,
        }),
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body).toMatchObject({ code: 'TI_LE_NEN_BAT_THUONG', field: 'body.contentBase64', limit: 100 });
    expect(String(r.body['detail'])).toMatch(
      /^Một phần của tệp khi giải nén lớn gấp [\d.]+ lần khi nén, vượt giới hạn 100 lần/,
    );
    expect(r.ms).toBeLessThan(1000);
    // Another clerk is answered at once: half of the answers within 200 ms, none near the parse's seconds (a blocked
    // event loop would hold them all). Not each under 200 ms: with the other test files running on 2 cores, one
    // answer now and then takes 230–300 ms (seen in CI).
    expect(median(r.others)).toBeLessThan(200);
    expect(Math.max(...r.others)).toBeLessThan(1000);
  });

  it('refuses the zip-bomb .docx (4 × 500 MB inside 2 MB) within a second, without growing memory', async () => {
    expect(bomb.length).toBeLessThan(2_500_000);
    const rss = process.memoryUsage().rss;
    const r = await whileUploading(() =>
      fetch(`${base}${API}/regulations/import`, {
        method: 'POST',
        headers: headers(admin),
        body: JSON.stringify({ fileName: 'quy-che.docx', contentBase64: bomb.toString('base64') }),
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body['code']).toMatch(/^(TI_LE_NEN_BAT_THUONG|TEP_GIAI_NEN_QUA_LON)$/);
    expect(String(r.body['detail'])).toMatch(/vượt giới hạn/);
    expect(r.ms).toBeLessThan(1000);
    // Another clerk is answered at once: half of the answers within 200 ms, none near the parse's seconds (a blocked
    // event loop would hold them all). Not each under 200 ms: with the other test files running on 2 cores, one
    // answer now and then takes 230–300 ms (seen in CI).
    expect(median(r.others)).toBeLessThan(200);
    expect(Math.max(...r.others)).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses a package whose parts honestly inflate past the limit, naming it', async () => {
    // Words drawn at random compress a few times, so that the size, not the ratio, is what breaks the limit.
    const words = [
      'Ban',
      'Thường',
      'vụ',
      'Tỉnh',
      'ủy',
      'quyết',
      'định',
      'chủ',
      'trương',
      'lớn',
      'về',
      'kinh',
      'tế',
      'xã',
      'hội',
      'quốc',
      'phòng',
      'an',
      'ninh',
      'công',
      'tác',
      'cán',
      'bộ',
    ];
    const parts: string[] = [];
    for (let n = 0, x = 7; n < 21.5 * 1024 * 1024; ) {
      const w = words[(x = (x * 1103515245 + 12345) >>> 0) % words.length]!;
      parts.push(w);
      n += Buffer.byteLength(w) + 1;
    }
    const big = zipOf([deflatedEntry('word/document.xml', Buffer.from(parts.join(' ')))]);
    expect(big.length).toBeLessThan(11 * 1024 * 1024);
    const r = await t.as(admin, {
      method: 'POST',
      url: `${API}/regulations/import`,
      payload: { fileName: 'lon.docx', contentBase64: big.toString('base64') },
    });
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json(), r.body).toMatchObject({
      code: 'TEP_GIAI_NEN_QUA_LON',
      limit: 20 * 1024 * 1024,
      field: 'body.contentBase64',
    });
    expect(r.json().detail).toBe('Một phần của tệp khi giải nén lớn 21,5 MB, vượt giới hạn 20 MB: hãy chia nhỏ tệp');
  });

  it("refuses the read-only account's import before reading what it sent", async () => {
    // Not even JSON, and larger than the route takes: still 403, so nothing was read or parsed.
    const r = await t.as(viewer, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: 'x'.repeat(13 * 1024 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toBe('Tài khoản chỉ có quyền xem: không gửi tệp, không ghi dữ liệu được');
    const dry = await t.as(viewer, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: { orgId: al, fileName: 'a.xlsx', contentBase64: bomb.toString('base64'), dryRun: true },
    });
    expect(dry.statusCode).toBe(403);
    const reg = await t.as(viewer, {
      method: 'POST',
      url: `${API}/regulations/import`,
      payload: { fileName: 'quy-che.docx', contentBase64: bomb.toString('base64') },
    });
    expect(reg.statusCode).toBe(403);
    // A clerk of a commune may import, but not into the province: refused before the file is opened.
    const clerk = await t.login('vanthu.x01');
    const other = await t.as(clerk, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: { orgId: al, fileName: 'a.xlsx', contentBase64: bomb.toString('base64'), dryRun: true },
    });
    expect(other.statusCode).toBe(403);
  });

  it(
    "refuses an evidence file or a meeting document for a record outside the sender's scope before reading " + 'it',
    async () => {
      const task = (
        await qb(t.db)
          .selectFrom('task as t')
          .innerJoin('organization as o', 'o.id', 't.org_id')
          .select('t.id')
          .where('o.code', '=', 'ORG-AL')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
      const meeting = (
        await qb(t.db)
          .selectFrom('meeting as m')
          .innerJoin('organization as o', 'o.id', 'm.org_id')
          .select('m.id')
          .where('o.code', '=', 'ORG-AL')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
      const clerk = await t.login('vanthu.x01');
      const huge = 'x'.repeat(13 * 1024 * 1024);
      for (const url of [`${API}/tasks/${task}/reports`, `${API}/meetings/${meeting}/documents`]) {
        const r = await t.as(clerk, {
          method: 'POST',
          url,
          payload: huge,
          headers: { 'content-type': 'application/json' },
        });
        expect(r.statusCode, url).toBeGreaterThanOrEqual(403);
        expect(r.statusCode, url).toBeLessThanOrEqual(404);
      }
    },
  );

  it('ends a parse past its time limit and says so', async () => {
    // Word paragraphs that never close: the paragraph scanner goes over the rest of the text for each of them.
    const paras: string[] = [];
    for (let i = 0, x = 3; i < 150_000; i++)
      paras.push(`<w:p>${((x = (x * 1103515245 + 12345) >>> 0) % 1e9).toString(36)}`);
    const slow = zipOf([
      deflatedEntry('word/document.xml', Buffer.from(`<w:document><w:body>${paras.join('')}</w:body></w:document>`)),
    ]);
    const t0 = performance.now();
    await expect(
      parseInPool(
        { kind: 'regulation-import', fileName: 'cham.docx', bytes: new Uint8Array(slow) },
        'body.contentBase64',
        { timeLimitMs: 300 },
      ),
    ).rejects.toMatchObject({
      problem: { status: 422, code: 'QUA_THOI_GIAN_XU_LY', field: 'body.contentBase64' },
    });
    expect(performance.now() - t0).toBeLessThan(5000);
    // The pool goes on working after the thread was ended.
    const ok = await parseInPool<{ qcmd: string }>(
      {
        kind: 'regulation-import',
        fileName: 'a.txt',
        bytes: new TextEncoder().encode('QUY CHẾ\nlàm việc\nĐiều 1. Phạm vi\n1. Quy chế này quy định.'),
      },
      'body.contentBase64',
    );
    expect(ok.qcmd).toContain('Điều 1');
  });

  it('states the real limit of the route in a 413', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: JSON.stringify({ orgId: al, fileName: 'a.xlsx', contentBase64: 'A'.repeat(13 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limit: 12 * 1024 * 1024,
      detail: 'Nội dung gửi lên vượt quá giới hạn 12 MB của thao tác này',
    });
    const small = await t.as(admin, {
      method: 'POST',
      url: `${API}/people`,
      payload: JSON.stringify({ orgId: al, fullName: 'A'.repeat(1_200_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(small.json().detail).toBe('Nội dung gửi lên vượt quá giới hạn 1 MB của thao tác này');
  });

  it('exports a formula-like title as text in CSV and XLSX, and reads it back unchanged', async () => {
    const formula = '=HYPERLINK("http://x","y")';
    const office = (
      await qb(t.db)
        .selectFrom('body')
        .select('id')
        .where('org_id', '=', al)
        .where('name', '=', 'Văn phòng Tỉnh ủy')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await t.as(admin, {
      method: 'POST',
      url: `${API}/tasks`,
      payload: {
        orgId: al,
        title: formula,
        sourceKind: 'other',
        leads: [{ kind: 'unit', id: office, name: 'Văn phòng Tỉnh ủy' }],
        dueDate: '2027-03-31',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const csv = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.csv?orgId=${al}&q=hyperlink` });
    const rows = parseCsv(csv.body.slice(1)) as string[][];
    expect(rows[1]![1]).toBe(`'${formula}`);
    // What a spreadsheet sees on opening: a cell that begins with an apostrophe, which it shows as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    if (SOFFICE) {
      // Opened by LibreOffice Calc itself (when installed): the cell is text, the sheet has no formula at all.
      const dir = mkdtempSync(join(tmpdir(), 'qc-csv-'));
      writeFileSync(join(dir, 'nhiem-vu.csv'), csv.body);
      const r = spawnSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--infilter=CSV:44,34,76,1',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          join(dir, 'nhiem-vu.csv'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const opened = unzipSync(readFileSync(join(dir, 'nhiem-vu.xlsx')));
      const sheet = new TextDecoder().decode(opened['xl/worksheets/sheet1.xml']);
      expect(sheet).not.toMatch(/<f[ >]/);
      expect(new TextDecoder().decode(opened['xl/sharedStrings.xml'])).toContain(
        '=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)',
      );
      rmSync(dir, { recursive: true, force: true });
    }
    const xlsx = await t.as(admin, { method: 'GET', url: `${API}/tasks/export.xlsx?orgId=${al}&q=hyperlink` });
    const cells = (await readSheet(xlsx.rawPayload)) as string[][];
    expect(cells[1]![1]).toBe(`'${formula}`);
    for (const [fileName, content] of [
      ['nhiem-vu.csv', Buffer.from(csv.body, 'utf8')],
      ['nhiem-vu.xlsx', xlsx.rawPayload],
    ] as const) {
      const back = await t.as(admin, {
        method: 'POST',
        url: `${API}/tasks/import`,
        payload: { orgId: al, fileName, contentBase64: content.toString('base64'), dryRun: true },
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().rows).toEqual([expect.objectContaining({ title: formula, action: 'unchanged' })]);
    }
  });

  it('imports a CSV (comma or semicolon) like a sheet, errors by row and column', async () => {
    const line = (sep: string, cells: string[]) => cells.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep);
    const csv = (sep: string) =>
      `\uFEFF${line(sep, TITLES.slice(1, 3))}\r\n` +
      `${line(sep, ['Rà soát quy chế làm việc', 'Văn phòng Tỉnh ủy'])}\r\n` +
      `${line(sep, ['', 'Ban không có'])}\r\n`;
    for (const sep of [',', ';']) {
      const r = await t.as(admin, {
        method: 'POST',
        url: `${API}/tasks/import`,
        payload: {
          orgId: al,
          fileName: 'nhiem-vu.csv',
          contentBase64: Buffer.from(csv(sep)).toString('base64'),
          dryRun: true,
        },
      });
      expect(r.statusCode, r.body).toBe(422);
      const errors = r.json().errors as { row: number; column: string; message: string }[];
      expect(
        errors.map((e) => `${e.row}${e.column}`),
        JSON.stringify(errors),
      ).toEqual(['3A', '3B']);
    }
    const broken = await t.as(admin, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: {
        orgId: al,
        fileName: 'hong.csv',
        contentBase64: Buffer.from(`${TITLES[1]}\r\n"chưa đóng ngoặc\r\n`).toString('base64'),
        dryRun: true,
      },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toMatch(/dấu ngoặc kép/);
    const xls = await t.as(admin, {
      method: 'POST',
      url: `${API}/tasks/import`,
      payload: {
        orgId: al,
        fileName: 'cu.xls',
        contentBase64: Buffer.from('\xd0\xcf\x11\xe0 old excel').toString('base64'),
        dryRun: true,
      },
    });
    expect(xls.statusCode).toBe(400);
    expect(xls.json()).toMatchObject({
      field: 'body.fileName',
      detail: 'Chỉ nhập được bảng tính Excel (.xlsx) hoặc tệp .csv',
    });
  });
});
