import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from '../test-app.js';
import type { Session, TestApp } from '../test-app.js';

/**
 * Every document we generate ends its sentences with their punctuation (Hướng dẫn 36-HD/VPTW): each DOCX route is
 * called on the An Lạc demo's records, its paragraphs are read from word/document.xml, and
 *
 *  1. a sentence paragraph ends with . : ; ? ! or … (a closing quote or bracket may follow). A paragraph is a
 *     sentence when it has at least 8 words, is outside any table (the header block, the signature block and the
 *     "Nơi nhận" are borderless tables; a table's cells hold labels, numbers and quoted text), is not centred (the
 *     national motto, titles, subject lines) and is not written in capitals (headings);
 *  2. no paragraph anywhere doubles its stops (".." unless it is "…", ".;", ",.", ";." and the like) or puts a space
 *     before . , : ; ! ?;
 *  3. the "Nơi nhận:" list: each line "- …," and the last "- ….";
 *  4. a conclusion's action item: its assignment ("Giao … chủ trì; thời hạn: …") is a sentence after the item's stop.
 */
const drivers = await testDrivers();
const API = '/api/v1';

interface Para {
  text: string;
  inTable: boolean;
  centred: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** The paragraphs of a DOCX's body, in order, each with whether it is inside a table and centred. */
function paragraphsOf(docx: Uint8Array): Para[] {
  const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
  const out: Para[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<w:tbl>|<w:tbl [^>]*>|<\/w:tbl>|<w:p\/>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)) {
    const tag = m[0];
    if (tag.startsWith('<w:tbl')) depth++;
    else if (tag === '</w:tbl>') depth--;
    else if (tag !== '<w:p/>') {
      const text = [...tag.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((t) => (t[0] === '<w:tab/>' ? '\t' : t[0] === '<w:br/>' ? '\n' : decode(t[1]!)))
        .join('');
      out.push({ text: text.normalize('NFC'), inTable: depth > 0, centred: /<w:jc w:val="center"\/>/.test(tag) });
    }
  }
  return out;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
const isCapitals = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');
const ENDS = /[.:;?!…]["”’)\]]*$/u;

/** The punctuation faults of one document, each "where: the paragraph: what". */
function punctuationFaults(name: string, paras: Para[]): string[] {
  const faults: string[] = [];
  const say = (p: Para, what: string) =>
    faults.push(
      `${name}: «${p.text.length > 160 ? `${p.text.slice(0, 80)} … ${p.text.slice(-70)}` : p.text}»: ${what}`,
    );
  paras.forEach((p, i) => {
    const text = p.text.trim();
    if (!text) return;
    if (!p.inTable && !p.centred && !isCapitals(text) && words(text) >= 8 && !ENDS.test(text))
      say(p, 'câu không có dấu kết thúc');
    const doubled = /\.\.|[.,;:]\s*[,;]|[,;:]\s*[.:]|\.\s+[.:]|\.:/u.exec(text);
    if (doubled) say(p, `dấu câu lặp "${doubled[0]}"`);
    const spaced = /\s[.,:;!?](?![\p{L}\p{N}.])/u.exec(text);
    if (spaced) say(p, `khoảng trắng trước dấu câu "${spaced[0]}"`);
    const run = /[^.:;?!…"”)\s]\s+Giao\s/u.exec(text);
    if (/^\d+\.\s/u.test(text) && run) say(p, `thiếu dấu chấm trước câu giao nhiệm vụ "${run[0]}"`);
    if (text === 'Nơi nhận:') {
      const list: Para[] = [];
      for (let j = i + 1; j < paras.length && paras[j]!.text.startsWith('- '); j++) list.push(paras[j]!);
      if (!list.length) say(p, 'nơi nhận trống');
      list.forEach((r, k) => {
        const last = k === list.length - 1;
        if (!r.text.trim().endsWith(last ? '.' : ',')) say(r, `dòng nơi nhận phải kết thúc bằng "${last ? '.' : ','}"`);
      });
    }
  });
  return faults;
}

describe('the punctuation rule itself', () => {
  const p = (text: string, o: Partial<Para> = {}): Para => ({ text, inTable: false, centred: false, ...o });
  it('flags a missing stop, doubled stops and spaces before punctuation, and exempts titles and tables', () => {
    expect(punctuationFaults('x', [p('Chủ trì: đồng chí Trần Quốc Hưng, Bí thư Tỉnh ủy')])).toHaveLength(1);
    expect(punctuationFaults('x', [p('Chủ trì: đồng chí Trần Quốc Hưng, Bí thư Tỉnh ủy.')])).toEqual([]);
    expect(punctuationFaults('x', [p('Kết quả biểu quyết: được thông qua..')])).toHaveLength(1);
    expect(punctuationFaults('x', [p('Thư ký: đồng chí A.;')])).toHaveLength(1);
    expect(punctuationFaults('x', [p('Địa điểm: Hội trường , tầng 2.')])).toHaveLength(1);
    expect(punctuationFaults('x', [p('Khách mời: A ; B.')])).toHaveLength(1);
    expect(punctuationFaults('x', [p('Trích dẫn "đã sửa."')])).toEqual([]);
    expect(punctuationFaults('x', [p('Còn tiếp…')])).toEqual([]);
    expect(
      punctuationFaults('x', [p('tại phiên họp Ban Thường vụ Tỉnh ủy ngày 06/01/2026', { centred: true })]),
    ).toEqual([]);
    expect(punctuationFaults('x', [p('III. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT CỦA HỘI NGHỊ TỈNH ỦY')])).toEqual([]);
    expect(punctuationFaults('x', [p('Nhất trí với dự thảo, không có ý kiến gì thêm nữa', { inTable: true })])).toEqual(
      [],
    );
    expect(punctuationFaults('x', [p('Nơi nhận:'), p('- Như trên,'), p('- Lưu Văn phòng.')])).toEqual([]);
    expect(punctuationFaults('x', [p('Nơi nhận:'), p('- Như trên'), p('- Lưu Văn phòng')])).toHaveLength(2);
    expect(punctuationFaults('x', [p('5. Xây dựng Đề án sắp xếp các đơn vị Giao Ban Tổ chức chủ trì.')])).toHaveLength(
      1,
    );
    expect(punctuationFaults('x', [p('5. Xây dựng Đề án sắp xếp các đơn vị. Giao Ban Tổ chức chủ trì.')])).toEqual([]);
  });
});

describe.each(drivers)('generated documents end their sentences with their punctuation (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  const get = async (url: string) => {
    const r = await t.as(admin, { method: 'GET', url: `${API}${url}` });
    if (r.statusCode !== 200) throw new Error(`GET ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r;
  };
  const faultsOf = async (name: string, url: string) => {
    const r = await get(url);
    expect(r.headers['content-type'], url).toContain('wordprocessingml');
    const paras = paragraphsOf(new Uint8Array(r.rawPayload));
    expect(paras.filter((p) => p.text.trim()).length, url).toBeGreaterThan(5);
    return punctuationFaults(name, paras);
  };

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin', 'anlac2026');
  }, 120_000);
  afterAll(async () => t?.close());

  it('the conclusion notices and the minutes of the demo’s meetings', async () => {
    const faults: string[] = [];
    let notices = 0;
    let minutes = 0;
    for (const code of ['ORG-AL', 'ORG-X01']) {
      const org = await t.orgId(code);
      const list = (await get(`/meetings?orgId=${org}&from=2026-01-01&to=2026-12-31`)).json() as {
        id: string;
        title: string;
        state: string;
        bodyKind: string;
        kind: string;
        conclusionSymbol: string | null;
      }[];
      // Every kind of meeting, body and state that has a record: the notices with action items, KL of the BCH, TB
      // of the BTV and TT, briefings, province-wide conferences with their sites.
      const picked = new Map<string, (typeof list)[number]>();
      for (const m of list) {
        const key = `${m.bodyKind}|${m.kind}|${m.state}|${m.conclusionSymbol ? 'c' : ''}`;
        if (!picked.has(key)) picked.set(key, m);
      }
      for (const title of [
        'Phiên họp Ban Thường vụ Tỉnh ủy ngày 06/01/2026',
        'Họp Thường trực Tỉnh ủy ngày 05/01/2026',
        'Hội nghị Tỉnh ủy lần thứ 5: triển khai nhiệm vụ năm 2026',
        'Hội nghị Tỉnh ủy lần thứ 8 (bất thường): công tác cán bộ',
        'Hội nghị trực tuyến quán triệt Nghị quyết Trung ương đến 96 điểm cầu',
      ]) {
        const m = list.find((x) => x.title === title);
        if (m) picked.set(title, m);
      }
      for (const m of picked.values()) {
        if (m.conclusionSymbol) {
          faults.push(
            ...(await faultsOf(
              `${m.title} — thông báo kết luận ${m.conclusionSymbol}`,
              `/meetings/${m.id}/conclusion.docx`,
            )),
          );
          notices++;
        }
        const r = await t.as(admin, { method: 'GET', url: `${API}/meetings/${m.id}/minutes.docx` });
        if (r.statusCode === 404) continue;
        faults.push(...(await faultsOf(`${m.title} — biên bản`, `/meetings/${m.id}/minutes.docx`)));
        minutes++;
      }
    }
    expect(notices).toBeGreaterThanOrEqual(5);
    expect(minutes).toBeGreaterThanOrEqual(5);
    expect(faults).toEqual([]);
  }, 180_000);

  it('the review reports, the consultation’s synthesis table and the regulation’s comparison table', async () => {
    const faults: string[] = [];
    let reports = 0;
    for (const code of ['ORG-AL', 'ORG-X01']) {
      const org = await t.orgId(code);
      for (const r of (await get(`/review-reports?orgId=${org}`)).json() as { id: string; title: string }[]) {
        faults.push(...(await faultsOf(`${r.title} — báo cáo`, `/review-reports/${r.id}/report.docx`)));
        reports++;
      }
      const consultations = (await get(`/consultations?orgId=${org}`)).json() as { id: string; title: string }[];
      for (const c of consultations)
        faults.push(...(await faultsOf(`${c.title} — bảng tổng hợp`, `/consultations/${c.id}/synthesis.docx`)));
    }
    expect(reports).toBeGreaterThanOrEqual(3);
    const regs = (await get('/regulations')).json() as { id: string; work: string }[];
    const al = regs.find((r) => r.work === '/vn-an-lac/quy-che/tinh-uy/2025/qclv')!;
    const versions = ((await get(`/regulations/${al.id}`)).json() as { versions: { id: string }[] }).versions;
    faults.push(
      ...(await faultsOf(
        '01-QC/TU — bảng so sánh',
        `/regulations/${al.id}/diff.docx?from=${versions[0]!.id}&to=${versions[1]!.id}`,
      )),
    );
    expect(faults).toEqual([]);
  }, 180_000);
});
