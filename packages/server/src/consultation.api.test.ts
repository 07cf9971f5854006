import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, testDrivers } from './test-app.js';
import { mailbox } from './test-mailbox.js';
import { addDays, todayInVietnam } from '@quyche/core';
import { enqueue } from './services/job.service.js';
import type { JobRunner } from './services/job.service.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Recipient {
  id: string;
  name: string;
  refId: string;
  status: string;
  mine: boolean;
  version: number;
}
interface Consultation {
  id: string;
  state: string;
  version: number;
  blockers: string[];
  counts: {
    recipients: number;
    answered: number;
    late: number;
    comments: number;
    disposed: number;
    open: number;
    notAnswering: number;
  };
  recipients: Recipient[];
  nextVersionId: string | null;
  competence: { ok: boolean; competent: string; eIds: string[] } | null;
  can: { manage: boolean; answer: boolean };
}
interface Comment {
  id: string;
  kind: string;
  recipientName: string;
  text: string;
  proposedText: string | null;
  anchor: { wId: string | null; eId: string | null };
  at: { eId: string | null; cite: string; exact: boolean };
  disposition: string | null;
  version: number;
}

/** The draft circulated: An Lạc's regulation as in force, renamed as a draft. */
const asDraft = (text: string, expression: string) =>
  text.replace(/^expression: .*$/m, `expression: ${expression}`).replace(/^status: .*$/m, 'status: draft');

describe.each(drivers)('consultation on a draft regulation (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let box: Awaited<ReturnType<typeof mailbox>>;
  let regId: string;
  let draftId: string;
  let c: Consultation;
  const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.as(s, { method, url: `${API}${url}`, payload });
  const ok = async <T = Consultation>(
    s: Session,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ): Promise<T> => {
    const r = await call(s, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const comments = (q = '') => ok<Comment[]>(admin, 'GET', `/consultations/${c.id}/comments${q}`);

  beforeAll(async () => {
    box = await mailbox();
    t = await createTestApp(driver, {
      smtpUrl: box.url,
      mailFrom: 'Văn phòng Tỉnh ủy <vptu@tinhuy-anlac.example>',
      baseUrl: 'http://quyche.test',
    });
    admin = await t.login('admin');
    regId = (
      await qb(t.db)
        .selectFrom('regulation')
        .select('id')
        .where('work', '=', '/vn-an-lac/quy-che/tinh-uy/2025/qclv')
        .executeTakeFirstOrThrow()
    ).id;
    const inForce = (
      await qb(t.db)
        .selectFrom('regulation_version')
        .select('source_text')
        .where('regulation_id', '=', regId)
        .where('status', '=', 'consolidated')
        .executeTakeFirstOrThrow()
    ).source_text;
    const v = await ok<{ id: string }>(admin, 'POST', `/regulations/${regId}/versions`, {
      text: asDraft(inForce, 'vie@2026-du-thao-1'),
    });
    draftId = v.id;
  });
  afterAll(async () => {
    await t?.close();
    await box?.close();
  });

  it(
    'circulates the 28-article draft to 20 communes with a deadline; 15 answer with 60 comments, 5 are ' +
      'late and are reminded by e-mail',
    async () => {
      const draft = await ok<{ chapters: { children: unknown[] }[] }>(
        admin,
        'GET',
        `/regulations/${regId}/versions/${draftId}`,
      );
      expect(draft.chapters.reduce((n, ch) => n + ch.children.length, 0)).toBe(28);
      const communes = await qb(t.db)
        .selectFrom('organization')
        .select(['id', 'code'])
        .where('kind', '=', 'COMMUNE_PARTY_ORG')
        .where('valid_until', 'is', null)
        .orderBy('code')
        .limit(20)
        .execute();
      expect(communes[0]!.code).toBe('ORG-X01'); // Tân Lập, whose clerk answers for it
      const bad = await call(admin, 'POST', '/consultations', {
        regulationId: regId,
        versionId: draftId,
        sentOn: '2026-10-26',
        deadline: '2026-10-20',
        recipients: [{ kind: 'org', id: communes[0]!.id }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'body.deadline' });
      c = await ok(admin, 'POST', '/consultations', {
        regulationId: regId,
        versionId: draftId,
        sentOn: '2026-10-26',
        deadline: '2026-11-13',
        recipients: communes.map((x) => ({ kind: 'org', id: x.id })),
      });
      expect(c).toMatchObject({ state: 'open', counts: { recipients: 20, answered: 0, late: 20 } });

      // The commune clerk sees the consultation sent to Tân Lập, answers for it, and for no other commune.
      const clerk = await t.login('vanthu.x01');
      const seen = await ok(clerk, 'GET', `/consultations/${c.id}`);
      expect(seen.recipients.filter((r) => r.mine).map((r) => r.name)).toEqual(['Đảng ủy xã Tân Lập']);
      expect(seen.can).toEqual({ manage: false, answer: true, readAll: false });
      const tanLap = seen.recipients.find((r) => r.mine)!;
      const other = seen.recipients.find((r) => !r.mine)!;
      expect(
        (
          await call(clerk, 'POST', `/consultations/${c.id}/answers`, {
            recipientId: other.id,
            comments: [{ kind: 'no_comment' }],
          })
        ).statusCode,
      ).toBe(403);
      const noClause = await call(clerk, 'POST', `/consultations/${c.id}/answers`, {
        recipientId: tanLap.id,
        comments: [{ kind: 'clause', eId: 'art_99', text: 'x' }],
      });
      expect(noClause.statusCode).toBe(400);
      expect(noClause.json()).toMatchObject({ field: 'body.comments[0].eId' });
      expect(noClause.json().detail).toContain('art_99');
      const draftText = await ok<{ text: string }>(clerk, 'GET', `/consultations/${c.id}/draft`);
      expect(draftText.text).toContain('## Điều 28. Hiệu lực, sửa đổi');

      // 15 answer: 3 agree without comment, 12 comment — 57 comments — in all 60.
      const answering = c.recipients.filter((r) => communes.slice(0, 15).some((x) => x.id === r.refId));
      let n = 0;
      const sent = new Map<string, number>();
      for (const [i, r] of answering.entries()) {
        const s = r.id === tanLap.id ? clerk : admin;
        if (i >= 12) {
          await ok(s, 'POST', `/consultations/${c.id}/answers`, {
            recipientId: r.id,
            answeredOn: '2026-11-10',
            comments: [{ kind: 'no_comment' }],
          });
          sent.set(r.id, 1);
          continue;
        }
        const k = i < 9 ? 5 : 4;
        const mine = [
          { kind: 'general', text: `Ý kiến số ${++n}: dự thảo cơ bản phù hợp (${r.name})` },
          {
            kind: 'clause',
            eId: 'art_12__para_3',
            text: `Ý kiến số ${++n}: đề nghị làm rõ thời hạn gửi tài liệu (${r.name})`,
          },
          {
            kind: 'proposal',
            eId: 'art_17__para_1',
            proposedText: `Thông báo kết luận được ban hành chậm nhất 05 ngày làm việc sau hội nghị, phiên họp.`,
            text: `Ý kiến số ${++n}: đề xuất sửa khoản 1 Điều 17 (${r.name})`,
          },
          {
            kind: 'clause',
            eId: 'art_13',
            text: `Ý kiến số ${++n}: Điều 13 cần quy định rõ phiên họp đột xuất (${r.name})`,
          },
          {
            kind: 'clause',
            eId: 'art_28__para_2',
            text: `Ý kiến số ${++n}: việc sửa đổi quy chế cần lấy ý kiến các đảng ủy trực thuộc (${r.name})`,
          },
        ].slice(0, k);
        if (k === 4) n--; // the fifth was counted but not sent
        await ok(s, 'POST', `/consultations/${c.id}/answers`, {
          recipientId: r.id,
          answeredOn: '2026-11-12',
          comments: mine,
        });
        sent.set(r.id, mine.length);
      }
      c = await ok(admin, 'GET', `/consultations/${c.id}`);
      expect(c.counts).toMatchObject({ recipients: 20, answered: 15, late: 5, comments: 60, open: 57, disposed: 0 });
      const all = await comments();
      expect(all).toHaveLength(60);
      expect(all.filter((x) => x.kind === 'no_comment')).toHaveLength(3);
      expect(all.find((x) => x.kind === 'clause' && x.anchor.eId?.endsWith('art_12__para_3'))!.at).toMatchObject({
        cite: 'khoản 3 Điều 12',
        exact: true,
      });
      // The clerk sees only Tân Lập's comments.
      const own = await ok<Comment[]>(clerk, 'GET', `/consultations/${c.id}/comments`);
      expect(own.length).toBe(sent.get(tanLap.id));
      expect(new Set(own.map((x) => x.recipientName))).toEqual(new Set(['Đảng ủy xã Tân Lập']));

      // The 5 late communes are reminded, in the application and by e-mail to the heads of their committees.
      const remind = await ok<{ reminded: string[] }>(admin, 'POST', `/consultations/${c.id}/remind`);
      expect(remind.reminded).toHaveLength(5);
      expect(remind.reminded.sort()).toEqual(
        c.recipients
          .filter((r) => r.status === 'late')
          .map((r) => r.name)
          .sort(),
      );
      const ours = () => box.received.filter((m) => m.subject?.startsWith('[Quychế] Quá hạn góp ý từ 13/11/2026'));
      // One e-mail to the secretary of each late commune (each has an address in the demo).
      await expect.poll(() => ours().length).toBe(5);
      const mails = ours();
      expect(mails[0]!.text).toContain('Hạn góp ý: 13/11/2026');
      expect(mails[0]!.text).toContain(`http://quyche.test/consultations/${c.id}`);
      // Once a day: asking again sends nothing more.
      expect((await ok<{ reminded: string[] }>(admin, 'POST', `/consultations/${c.id}/remind`)).reminded).toEqual([]);
      // The daily scan of the job system reminds them again a week later, and not the day after.
      const jobs = (t.app as unknown as { jobs: JobRunner }).jobs;
      const sentBefore = ours().length;
      await enqueue(t.db, 'consultation_scan', `test-scan:${c.id}:1`, { today: addDays(todayInVietnam(), 1) });
      await jobs.runPending();
      await new Promise((r) => setTimeout(r, 300)); // what was sent has reached the mailbox
      expect(ours().length).toBe(sentBefore);
      await enqueue(t.db, 'consultation_scan', `test-scan:${c.id}:7`, { today: addDays(todayInVietnam(), 7) });
      await jobs.runPending();
      await expect.poll(() => ours().length - sentBefore).toBe(5);
      expect(
        new Set(
          ours()
            .slice(sentBefore)
            .flatMap((m) => m.rcpt),
        ),
      ).toEqual(new Set(mails.flatMap((m) => m.rcpt)));
    },
  );

  it(
    'lets only one of two clerks disposing of the same comment at once win; the other gets 409 and loses ' +
      'nothing on retrying',
    async () => {
      const x = (await comments()).find((y) => y.kind === 'general')!;
      const second = await t.login('admin');
      const [a, b] = await Promise.all([
        call(admin, 'PATCH', `/consultations/${c.id}/comments/${x.id}`, {
          version: x.version,
          disposition: 'accepted',
          explanation: null,
        }),
        call(second, 'PATCH', `/consultations/${c.id}/comments/${x.id}`, {
          version: x.version,
          disposition: 'not_accepted',
          explanation: 'Đã quy định tại Điều 10',
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: x.version + 1 });
      const now = (await comments()).find((y) => y.id === x.id)!;
      expect(now.version).toBe(x.version + 1);
      // The loser reads again and applies its disposition on the current version: both writes are in the audit trail.
      const retry = await call(second, 'PATCH', `/consultations/${c.id}/comments/${x.id}`, {
        version: now.version,
        disposition: 'not_accepted',
        explanation: 'Đã quy định tại Điều 10',
      });
      expect(retry.statusCode).toBe(200);
      const audits = await qb(t.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'consultation_comment')
        .where('entity_id', '=', x.id)
        .where('action', '=', 'dispose')
        .executeTakeFirstOrThrow();
      expect(Number(audits.n)).toBe(2);
    },
  );

  it(
    'blocks the next version until every comment is disposed of and every recipient has answered or is ' +
      'marked; the synthesis DOCX lists all 60',
    async () => {
      const blocked = await call(admin, 'POST', `/consultations/${c.id}/next-version`, {
        version: c.version,
        memo: 'Tờ trình',
      });
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json()).toMatchObject({ code: 'CHUA_XU_LY_HET_Y_KIEN' });
      expect(blocked.json().detail).toContain('Còn 56 ý kiến chưa tiếp thu, giải trình');
      expect(blocked.json().detail).toContain('Còn 5 nơi chưa góp ý');
      // An explanation is required unless the comment is fully accepted.
      const open = await comments('?disposition=none');
      expect(open).toHaveLength(56);
      const noWhy = await call(admin, 'PATCH', `/consultations/${c.id}/comments/${open[0]!.id}`, {
        version: open[0]!.version,
        disposition: 'partly_accepted',
      });
      expect(noWhy.statusCode).toBe(400);
      expect(noWhy.json()).toMatchObject({ field: 'body.explanation' });
      expect(noWhy.json().detail).toContain('cần ghi nội dung giải trình');
      for (const x of open) {
        const body =
          x.kind === 'proposal'
            ? { disposition: 'accepted' }
            : x.anchor.eId?.endsWith('art_13')
              ? { disposition: 'not_accepted', explanation: 'Phiên họp đột xuất đã quy định tại khoản 2 Điều 13' }
              : { disposition: 'partly_accepted', explanation: 'Tiếp thu, chỉnh lý câu chữ' };
        await ok(admin, 'PATCH', `/consultations/${c.id}/comments/${x.id}`, { version: x.version, ...body });
      }
      c = await ok(admin, 'GET', `/consultations/${c.id}`);
      expect(c.counts).toMatchObject({ open: 0, disposed: 57 });
      expect(c.blockers).toHaveLength(1);
      expect(c.blockers[0]).toContain('Còn 5 nơi chưa góp ý');
      for (const r of c.recipients.filter((y) => y.status === 'late')) {
        const noNote = await call(admin, 'POST', `/consultations/${c.id}/recipients/${r.id}`, {
          version: r.version,
          notAnswering: true,
        });
        expect(noNote.statusCode).toBe(400);
        c = await ok(admin, 'POST', `/consultations/${c.id}/recipients/${r.id}`, {
          version: r.version,
          notAnswering: true,
          note: 'Đã nhắc ngày 01/12/2026, không trả lời',
        });
      }
      expect(c.blockers).toEqual([]);
      expect(c.counts).toMatchObject({ notAnswering: 5, late: 0 });

      const s = await ok<{
        rows: { cite: string; comments: { from: string; disposition: string }[] }[];
        noComment: string[];
        notAnswered: string[];
      }>(admin, 'GET', `/consultations/${c.id}/synthesis`);
      expect(s.rows.reduce((k, r) => k + r.comments.length, 0) + s.noComment.length).toBe(60);
      expect(s.rows.map((r) => r.cite)).toEqual([
        'Toàn văn dự thảo',
        'khoản 3 Điều 12',
        'Điều 13',
        'khoản 1 Điều 17',
        'khoản 2 Điều 28',
      ]);
      expect(s.notAnswered).toHaveLength(5);
      const docx = await call(admin, 'GET', `/consultations/${c.id}/synthesis.docx`);
      expect(docx.statusCode).toBe(200);
      const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
      expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(xml).toContain('BẢNG TỔNG HỢP Ý KIẾN GÓP Ý, TIẾP THU, GIẢI TRÌNH');
      for (let i = 1; i <= 57; i++) expect(xml, `ý kiến số ${i}`).toContain(`Ý kiến số ${i}:`);
      expect(xml.match(/Nhất trí với dự thảo, không có ý kiến/g)).toHaveLength(3);
      // One numbered row per comment: 60 rows besides the header.
      expect(xml.match(/<w:tr>/g)!.length - 1).toBeGreaterThanOrEqual(61);
      expect(xml).toContain('Tiếp thu một phần');
      expect(xml).toContain('Phiên họp đột xuất đã quy định tại khoản 2 Điều 13');
    },
  );

  it(
    'makes the next version with the accepted wording, its comparison table, and keeps comments on their ' +
      'provisions when articles are renumbered',
    async () => {
      const r = await ok<{
        versionId: string;
        expression: string;
        applied: { cite: string }[];
        comparison: { cite: string; change: string; after: string }[];
      }>(admin, 'POST', `/consultations/${c.id}/next-version`, {
        version: c.version,
        memo: 'Tờ trình về việc sửa đổi, bổ sung Quy chế làm việc sau lấy ý kiến các đảng ủy xã',
      });
      expect(r.expression).toBe('vie@2026-du-thao-2');
      expect(r.applied.length).toBe(12);
      // khoản 1 Điều 17 carries the deadline rule han-thong-bao: its wording changed, the rule is for the team to
      // check.
      expect((r as unknown as { rulesToReview: { cite: string; ruleIds: string[] }[] }).rulesToReview).toEqual([
        { cite: 'khoản 1 Điều 17', eId: expect.stringContaining('art_17__para_1'), ruleIds: ['han-thong-bao'] },
      ]);
      expect(new Set(r.applied.map((x) => x.cite))).toEqual(new Set(['khoản 1 Điều 17']));
      expect(
        r.comparison.find((x) => x.cite === 'khoản 1 Điều 17'),
        JSON.stringify(r.comparison.slice(0, 5)),
      ).toMatchObject({ change: 'changed', after: expect.stringContaining('chậm nhất 05 ngày làm việc sau hội nghị') });
      c = await ok(admin, 'GET', `/consultations/${c.id}`);
      expect(c).toMatchObject({ state: 'revised', nextVersionId: r.versionId });
      // No more answers once revised.
      const late = c.recipients.find((y) => y.status === 'not_answering')!;
      expect(
        (
          await call(admin, 'POST', `/consultations/${c.id}/answers`, {
            recipientId: late.id,
            comments: [{ kind: 'no_comment' }],
          })
        ).json(),
      ).toMatchObject({ code: 'DA_KET_THUC_LAY_Y_KIEN' });

      // The drafting team inserts a new Điều 5: Điều 5 … 28 become 6 … 29. Comments follow their provisions.
      const next = await ok<{ text: string }>(admin, 'GET', `/regulations/${regId}/versions/${r.versionId}`);
      const renumbered = next.text
        .replace(/^## Điều (\d+)\./gm, (m, d: string) => (Number(d) >= 5 ? `## Điều ${Number(d) + 1}.` : m))
        .replace(
          /^## Điều 6\./m,
          '## Điều 5. Trách nhiệm chung của Thường trực Tỉnh ủy\n\n' +
            '1. Thường trực Tỉnh ủy chịu trách nhiệm chung trước Ban Thường vụ.\n\n## Điều 6.',
        )
        .replace(/^expression: .*$/m, 'expression: vie@2026-du-thao-3');
      const v3 = await ok<{ id: string }>(admin, 'POST', `/regulations/${regId}/versions`, { text: renumbered });
      const placed = await comments(`?against=${v3.id}`);
      const onNotice = placed.filter((x) => x.anchor.eId?.endsWith('art_12__para_3'));
      expect(onNotice.length).toBe(12);
      for (const x of onNotice) expect(x.at).toMatchObject({ cite: 'khoản 3 Điều 13', exact: true });
      expect(placed.find((x) => x.anchor.eId?.endsWith('art_28__para_2'))!.at.cite).toBe('khoản 2 Điều 29');
      // The new Điều 5 takes none of the old Điều 5's comments (there were none) and the filter by provision uses the
      // new numbers.
      expect((await comments(`?against=${v3.id}&eId=chp_5__art_29`)).length).toBe(9);
    },
  );

  it(
    'submits to the body the engine names — refused at a BTV session citing khoản 2 Điều 28 — and adopts ' +
      'on the vote: 30 of 61 fails, 31 passes; the old version answers for earlier dates',
    async () => {
      const body = async (kind: string) =>
        (
          await qb(t.db)
            .selectFrom('body as b')
            .innerJoin('organization as o', 'o.id', 'b.org_id')
            .select('b.id')
            .where('o.code', '=', 'ORG-AL')
            .where('b.kind', '=', kind)
            .where('b.valid_until', 'is', null)
            .executeTakeFirstOrThrow()
        ).id;
      const btv = await ok<{ id: string }>(admin, 'POST', '/meetings', {
        bodyId: await body('BTV'),
        kind: 'regular',
        title: 'Phiên họp Ban Thường vụ ngày 24/11/2026',
        meetingDate: '2026-11-24',
      });
      const wrong = await call(admin, 'POST', `/consultations/${c.id}/submit`, {
        version: c.version,
        meetingId: btv.id,
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({ code: 'SAI_THAM_QUYEN_THONG_QUA', competent: 'BCH' });
      expect(wrong.json().detail).toContain('khoản 2 Điều 28');
      let m = await ok<{ id: string; version: number; attendance: { id: string }[] }>(admin, 'POST', '/meetings', {
        bodyId: await body('BCH'),
        kind: 'thematic',
        title: 'Hội nghị Tỉnh ủy chuyên đề: sửa đổi Quy chế làm việc',
        meetingDate: '2026-11-27',
      });
      // The body that adopts is known before submitting: the Tỉnh ủy (BCH), by khoản 2 Điều 28.
      expect(
        (c as unknown as { adoptingBody: { code: string; name: string; eIds: string[] } }).adoptingBody,
      ).toMatchObject({ code: 'BCH', eIds: [expect.stringContaining('art_28__para_2')] });
      c = await ok(admin, 'POST', `/consultations/${c.id}/submit`, { version: c.version, meetingId: m.id });
      expect(c).toMatchObject({ state: 'submitted', competence: { ok: true, competent: 'BCH' } });
      m = await ok(admin, 'POST', `/meetings/${m.id}/convene`, {
        version: m.version,
        convenedBy: 'BTV',
        conveningRef: 'Quyết định triệu tập của Ban Thường vụ',
      });
      const detail = await ok<{
        version: number;
        attendance: { id: string }[];
        agenda: { id: string; title: string; matter: string }[];
      }>(admin, 'GET', `/meetings/${m.id}`);
      const item = detail.agenda.find((a) => a.matter === 'QUY_CHE_LAM_VIEC')!;
      expect(item.title).toContain('dự thảo vie@2026-du-thao-2');
      for (const a of detail.attendance.slice(0, 45))
        await ok(admin, 'PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' });
      const cur = await ok<{ version: number }>(admin, 'GET', `/meetings/${m.id}`);
      await ok(admin, 'POST', `/meetings/${m.id}/open`, { version: cur.version, on: '2026-11-27' });
      const notYet = await call(admin, 'POST', `/consultations/${c.id}/adopt`, { version: c.version });
      expect(notYet.json()).toMatchObject({ code: 'CHUA_BIEU_QUYET' });
      await ok(admin, 'POST', `/meetings/${m.id}/agenda/${item.id}/votes`, {
        method: 'show_of_hands',
        yes: 30,
        no: 10,
        abstain: 5,
      });
      const failed = await call(admin, 'POST', `/consultations/${c.id}/adopt`, { version: c.version });
      expect(failed.statusCode).toBe(422);
      expect(failed.json()).toMatchObject({ code: 'CHUA_THONG_QUA' });
      expect(failed.json().detail).toContain('30 phiếu đồng ý trên 61');
      await ok(admin, 'POST', `/meetings/${m.id}/agenda/${item.id}/votes`, {
        method: 'show_of_hands',
        yes: 31,
        no: 10,
        abstain: 4,
      });
      const adopted = await ok<Consultation & { impact: unknown[] }>(admin, 'POST', `/consultations/${c.id}/adopt`, {
        version: c.version,
      });
      expect(adopted).toMatchObject({ state: 'adopted', inForceFrom: '2026-11-27', impact: [] });
      expect(await ok(admin, 'GET', `/consultations/${c.id}`)).toMatchObject({
        state: 'adopted',
        inForceFrom: '2026-11-27',
        impact: [],
      });
      c = adopted;
      const ask = async (at: string) =>
        ok<{ expression: string; result: { body: string } }>(admin, 'POST', `/regulations/${regId}/ask`, {
          ask: 'who_decides',
          at,
          input: { matter: 'QUY_CHE_LAM_VIEC' },
        });
      expect((await ask('2026-11-27')).expression).toBe('vie@2026-du-thao-2');
      expect((await ask('2026-11-26')).expression).not.toBe('vie@2026-du-thao-2');
      const v2 = await ok<{ status: string; adoptedOn: string; inForceFrom: string; text: string }>(
        admin,
        'GET',
        `/regulations/${regId}/versions/${c.nextVersionId}`,
      );
      expect(v2).toMatchObject({ status: 'adopted', adoptedOn: '2026-11-27', inForceFrom: '2026-11-27' });
      expect(v2.text).toContain('chậm nhất 05 ngày làm việc sau hội nghị, phiên họp');
    },
  );

  it(
    "checks a commune's draft against the province's regulation: 5 working days for documents is looser " +
      'than 7, shown on the next version and blocking its submission until fixed',
    async () => {
      const clerk = await t.login('vanthu.x01');
      const tanLapReg = (
        await qb(t.db)
          .selectFrom('regulation')
          .select('id')
          .where('work', '=', '/vn-an-lac/quy-che/dang-uy-xa-tan-lap/2025/qclv')
          .executeTakeFirstOrThrow()
      ).id;
      const src = (
        await qb(t.db)
          .selectFrom('regulation_version')
          .select('source_text')
          .where('regulation_id', '=', tanLapReg)
          .executeTakeFirstOrThrow()
      ).source_text;
      const v = await ok<{ id: string }>(clerk, 'POST', `/regulations/${tanLapReg}/versions`, {
        text: asDraft(src, 'vie@2026-du-thao-1'),
      });
      const cell = await t.orgId('ORG-X01-CB1');
      let x = await ok(clerk, 'POST', '/consultations', {
        regulationId: tanLapReg,
        versionId: v.id,
        sentOn: '2026-11-02',
        deadline: '2026-11-16',
        recipients: [{ kind: 'org', id: cell }],
      });
      x = await ok(clerk, 'POST', `/consultations/${x.id}/answers`, {
        recipientId: x.recipients[0]!.id,
        answeredOn: '2026-11-10',
        comments: [{ kind: 'no_comment' }],
      });
      const next = await ok<{
        consultation: Consultation;
        consistency: { code: string; severity: string; message: string }[];
      }>(clerk, 'POST', `/consultations/${x.id}/next-version`, { version: x.version, memo: 'Tờ trình' });
      const looser = next.consistency.filter((f) => f.severity === 'error');
      expect(looser.length).toBeGreaterThan(0);
      expect(looser.map((f) => f.message).join(' ')).toContain('7 ngày làm việc');
      const bch = (
        await qb(t.db)
          .selectFrom('body as b')
          .innerJoin('organization as o', 'o.id', 'b.org_id')
          .select('b.id')
          .where('o.code', '=', 'ORG-X01')
          .where('b.kind', '=', 'BCH')
          .executeTakeFirstOrThrow()
      ).id;
      const m = await ok<{ id: string }>(clerk, 'POST', '/meetings', {
        bodyId: bch,
        kind: 'regular',
        title: 'Hội nghị Đảng ủy xã tháng 12',
        meetingDate: '2026-12-10',
      });
      const blocked = await call(clerk, 'POST', `/consultations/${x.id}/submit`, {
        version: next.consultation.version,
        meetingId: m.id,
      });
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json()).toMatchObject({ code: 'TRAI_QUY_CHE_CAP_TREN' });
      // Fixed to 7 working days: consistent, and submitted to the commune's BCH.
      const fixed = await ok<{ versionId: string }>(
        clerk,
        'GET',
        `/regulations/${tanLapReg}/versions/${next.consultation.nextVersionId}`,
      ).then((r) =>
        (r as unknown as { text: string }).text
          .replace(
            'documents_before_meeting: { min: 5, unit: working_day }',
            'documents_before_meeting: { min: 7, unit: working_day }',
          )
          .replace(/^expression: .*$/m, 'expression: vie@2026-du-thao-3'),
      );
      const again = await ok<{ consultation: Consultation; consistency: { severity: string }[] }>(
        clerk,
        'POST',
        `/consultations/${x.id}/next-version`,
        { version: next.consultation.version, memo: 'Tờ trình (chỉnh lý)', text: fixed },
      );
      expect(again.consistency.filter((f) => f.severity === 'error')).toEqual([]);
      const sent = await ok(clerk, 'POST', `/consultations/${x.id}/submit`, {
        version: again.consultation.version,
        meetingId: m.id,
      });
      expect(sent).toMatchObject({ state: 'submitted', competence: { ok: true, competent: 'BCH' } });
    },
  );

  it(
    "makes a commune's draft from the province's regulation in force, consistent with it, and refuses one " +
      "from a regulation that is not its superior's",
    async () => {
      const clerk = await t.login('vanthu.x01');
      const x01 = await t.orgId('ORG-X01');
      const inForce = (
        await qb(t.db)
          .selectFrom('regulation_version')
          .select('id')
          .where('regulation_id', '=', regId)
          .where('status', '=', 'consolidated')
          .executeTakeFirstOrThrow()
      ).id;
      const v = await ok<{ id: string; regulationId: string; status: string; expression: string }>(
        clerk,
        'POST',
        '/regulations/derive',
        {
          orgId: x01,
          fromVersionId: inForce,
          title: 'Quy chế làm việc của Ban Chấp hành Đảng bộ xã Tân Lập (dự thảo thay thế)',
          work: '/vn-an-lac/quy-che/dang-uy-xa-tan-lap/2026/qclv',
        },
      );
      expect(v).toMatchObject({ status: 'draft', expression: expect.stringMatching(/^vie@\d{4}-du-thao-1$/) });
      const detail = await ok<{
        frontMatter: { based_on: { work: string; relation: string }[] };
        chapters: { children: unknown[] }[];
      }>(clerk, 'GET', `/regulations/${v.regulationId}/versions/${v.id}`);
      expect(detail.frontMatter.based_on[0]).toMatchObject({
        work: '/vn-an-lac/quy-che/tinh-uy/2025/qclv',
        relation: 'superior',
      });
      expect(detail.chapters.reduce((n, ch) => n + ch.children.length, 0)).toBe(28);
      // From its own regulation (not a superior's): refused.
      const own = (
        await qb(t.db)
          .selectFrom('regulation_version as v')
          .innerJoin('regulation as g', 'g.id', 'v.regulation_id')
          .select('v.id')
          .where('g.work', '=', '/vn-an-lac/quy-che/dang-uy-xa-tan-lap/2025/qclv')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
      const r = await call(clerk, 'POST', '/regulations/derive', { orgId: x01, fromVersionId: own, title: 'Quy chế' });
      expect(r.statusCode).toBe(403);
      expect(r.json().detail).toContain('cấp trên');
    },
  );

  it(
    'consults on a document that is not a regulation — a draft resolution, paragraph by paragraph — and ' +
      'adopts it at the body that decides its matter',
    async () => {
      const al = await t.orgId('ORG-AL');
      const x = await Promise.all(['ORG-X01', 'ORG-X02'].map((code) => t.orgId(code)));
      const text = [
        'NGHỊ QUYẾT CHUYÊN ĐỀ về chuyển đổi số trong các cơ quan Đảng tỉnh giai đoạn 2026–2030',
        'I. QUAN ĐIỂM',
        '1. Chuyển đổi số là nhiệm vụ trọng tâm, thường xuyên của cấp ủy các cấp.',
        'II. MỤC TIÊU',
        '1. Đến năm 2027, 100% văn bản của cấp ủy cấp tỉnh, cấp xã được ký số và gửi nhận trên môi trường mạng.',
      ].join('\n');
      const base = {
        orgId: al,
        document: { title: 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số', text },
        sentOn: '2026-11-02',
        deadline: '2026-11-16',
        recipients: x.map((id) => ({ kind: 'org', id })),
      };
      const noMatter = await call(admin, 'POST', '/consultations', base);
      expect(noMatter.statusCode).toBe(400);
      expect(noMatter.json()).toMatchObject({
        field: 'body.matter',
        detail: 'Văn bản dự thảo cần nội dung thuộc thẩm quyền (để biết cơ quan thông qua)',
      });
      const unknown = await call(admin, 'POST', '/consultations', { ...base, matter: 'KHONG_CO' });
      expect(unknown.json()).toMatchObject({ field: 'body.matter' });
      let d = await ok(admin, 'POST', '/consultations', { ...base, matter: 'NQ_CHUYEN_DE' });
      expect(d).toMatchObject({
        kind: 'document',
        regulationId: null,
        versionId: null,
        matter: 'NQ_CHUYEN_DE',
        adoptingBody: { code: 'BCH' },
      });
      const draft = await ok<{ chapters: { children: { eId: string; text: string }[] }[] }>(
        admin,
        'GET',
        `/consultations/${d.id}/draft`,
      );
      expect(draft.chapters[0]!.children.map((e) => e.eId)).toEqual(['doan_1', 'doan_2', 'doan_3', 'doan_4', 'doan_5']);
      const clerk = await t.login('vanthu.x01');
      const tanLap = (await ok(clerk, 'GET', `/consultations/${d.id}`)).recipients.find((r) => r.mine)!;
      const other = d.recipients.find((r) => r.id !== tanLap.id)!;
      await ok(clerk, 'POST', `/consultations/${d.id}/answers`, {
        recipientId: tanLap.id,
        answeredOn: '2026-11-10',
        comments: [
          {
            kind: 'proposal',
            eId: 'doan_5',
            text: 'Cấp xã chưa đủ chữ ký số cho mọi cấp ủy viên năm 2027.',
            proposedText:
              '1. Đến năm 2028, 100% văn bản của cấp ủy cấp tỉnh, cấp xã được ký số và gửi nhận trên môi trường mạng.',
          },
        ],
      });
      d = await ok(admin, 'POST', `/consultations/${d.id}/answers`, {
        recipientId: other.id,
        answeredOn: '2026-11-12',
        comments: [{ kind: 'no_comment' }],
      });
      const [k] = await ok<Comment[]>(admin, 'GET', `/consultations/${d.id}/comments?disposition=none`);
      expect(k!.at).toMatchObject({ cite: 'đoạn 5', exact: true });
      await ok(admin, 'PATCH', `/consultations/${d.id}/comments/${k!.id}`, {
        version: k!.version,
        disposition: 'accepted',
      });
      const s = await ok<{ rows: { cite: string; comments: { disposition: string }[] }[] }>(
        admin,
        'GET',
        `/consultations/${d.id}/synthesis`,
      );
      expect(s.rows).toEqual([
        expect.objectContaining({ cite: 'đoạn 5', comments: [expect.objectContaining({ disposition: 'Tiếp thu' })] }),
      ]);
      d = await ok(admin, 'GET', `/consultations/${d.id}`);
      const next = await ok<{
        versionId: string | null;
        applied: { cite: string }[];
        comparison: { cite: string; change: string; after: string }[];
      }>(admin, 'POST', `/consultations/${d.id}/next-version`, {
        version: d.version,
        memo: 'Tờ trình dự thảo Nghị quyết',
      });
      expect(next).toMatchObject({
        versionId: null,
        applied: [{ cite: 'đoạn 5' }],
        comparison: [{ cite: 'đoạn 5', change: 'changed', after: expect.stringContaining('năm 2028') }],
      });
      expect(await ok(admin, 'GET', `/consultations/${d.id}/comparison`)).toEqual(next.comparison);
      d = await ok(admin, 'GET', `/consultations/${d.id}`);
      const bodyOf = async (kind: string) =>
        (
          await qb(t.db)
            .selectFrom('body as b')
            .innerJoin('organization as o', 'o.id', 'b.org_id')
            .select('b.id')
            .where('o.code', '=', 'ORG-AL')
            .where('b.kind', '=', kind)
            .where('b.valid_until', 'is', null)
            .executeTakeFirstOrThrow()
        ).id;
      const btv = await ok<{ id: string }>(admin, 'POST', '/meetings', {
        bodyId: await bodyOf('BTV'),
        kind: 'regular',
        title: 'Phiên họp Ban Thường vụ ngày 01/12/2026 (thử)',
        meetingDate: '2026-12-01',
      });
      const wrong = await call(admin, 'POST', `/consultations/${d.id}/submit`, {
        version: d.version,
        meetingId: btv.id,
      });
      expect(wrong.json()).toMatchObject({ code: 'SAI_THAM_QUYEN_THONG_QUA', competent: 'BCH' });
      expect(wrong.json().detail).toContain('khoản 2 Điều 1');
      let m = await ok<{ id: string; version: number }>(admin, 'POST', '/meetings', {
        bodyId: await bodyOf('BCH'),
        kind: 'thematic',
        title: 'Hội nghị Tỉnh ủy chuyên đề chuyển đổi số',
        meetingDate: '2026-11-30',
      });
      d = await ok(admin, 'POST', `/consultations/${d.id}/submit`, { version: d.version, meetingId: m.id });
      expect(d.state).toBe('submitted');
      m = await ok(admin, 'POST', `/meetings/${m.id}/convene`, {
        version: m.version,
        convenedBy: 'BTV',
        conveningRef: 'Quyết định triệu tập',
      });
      const detail = await ok<{
        attendance: { id: string }[];
        agenda: { id: string; title: string; matter: string }[];
      }>(admin, 'GET', `/meetings/${m.id}`);
      const item = detail.agenda.find((a) => a.matter === 'NQ_CHUYEN_DE')!;
      expect(item.title).toBe('Xem xét, thông qua Dự thảo Nghị quyết chuyên đề về chuyển đổi số');
      for (const a of detail.attendance.slice(0, 45))
        await ok(admin, 'PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' });
      await ok(admin, 'POST', `/meetings/${m.id}/open`, {
        version: (await ok<{ version: number }>(admin, 'GET', `/meetings/${m.id}`)).version,
        on: '2026-11-30',
      });
      await ok(admin, 'POST', `/meetings/${m.id}/agenda/${item.id}/votes`, {
        method: 'show_of_hands',
        yes: 40,
        no: 2,
        abstain: 3,
      });
      expect(await ok(admin, 'POST', `/consultations/${d.id}/adopt`, { version: d.version })).toMatchObject({
        state: 'adopted',
        adoptedOn: '2026-11-30',
        inForceFrom: null,
        impact: [],
      });
    },
  );

  it(
    "has the demo's consultation: 20 communes asked, 12 answered, 8 late with Tân Lập among them, comments " +
      'partly disposed of',
    async () => {
      const clerk = await t.login('vanthu.x01');
      const list = await ok<{ id: string; title: string; state: string; counts: Consultation['counts'] }[]>(
        clerk,
        'GET',
        '/consultations',
      );
      const demo = list.find((x) => x.title.startsWith('Lấy ý kiến các đảng ủy xã, phường về dự thảo sửa đổi'))!;
      expect(demo).toBeDefined();
      const d = await ok(clerk, 'GET', `/consultations/${demo.id}`);
      expect(d.can.answer).toBe(true);
      expect(d.recipients.find((r) => r.mine)).toMatchObject({ name: 'Đảng ủy xã Tân Lập', status: 'late' });
      const full = await ok(admin, 'GET', `/consultations/${demo.id}`);
      expect(full.counts).toMatchObject({ recipients: 20, answered: 12, late: 8 });
      // The lists count the same as the consultation itself: all for the province, its own comments for the commune.
      const mineOnly = await ok<Consultation>(clerk, 'GET', `/consultations/${demo.id}`);
      expect(demo.counts).toEqual(mineOnly.counts);
      const provinceList = await ok<{ id: string; counts: Consultation['counts'] }[]>(admin, 'GET', '/consultations');
      expect(provinceList.find((x) => x.id === demo.id)!.counts).toEqual(full.counts);
      expect(full.counts.disposed).toBeGreaterThan(0);
      expect(full.counts.open).toBeGreaterThan(0);
      const placed = await ok<Comment[]>(admin, 'GET', `/consultations/${demo.id}/comments`);
      expect(placed.filter((x) => x.anchor.wId).every((x) => x.at.exact)).toBe(true);
      expect(placed.filter((x) => x.kind === 'no_comment')).toHaveLength(2);
    },
  );

  it("shows the commune regulation's impact when An Lạc's notice period is amended; makes its task once", async () => {
    const amendment = `---
work: /vn-an-lac/quyet-dinh/tinh-uy/2026/20-qd-tu
amends: /vn-an-lac/quy-che/tinh-uy/2025/qclv
title: Quyết định số 20-QĐ/TU sửa đổi khoản 3 Điều 12 Quy chế làm việc 01-QC/TU
adopted_on: 2026-12-20
in_force_from: 2027-01-01
---
effects:
  - { op: replace, target: art_12__para_3,
      text: "Tài liệu hội nghị Tỉnh ủy được gửi đến Tỉnh ủy viên chậm nhất 10 ngày làm việc trước ngày khai mạc.",
      rules: [ { id: tl-bch, kind: notice, body: BCH, documents_before_meeting: { min: 10, unit: working_day } } ] }
`;
    const r = await ok<{ impact: { orgName: string; findings: { message: string }[]; taskId: string }[] }>(
      admin,
      'POST',
      `/regulations/${regId}/amendments`,
      { text: amendment },
    );
    expect(r.impact.map((x) => x.orgName)).toEqual(['Đảng bộ xã Tân Lập']);
    expect(r.impact[0]!.findings.some((f) => f.message.includes('10 ngày làm việc'))).toBe(true);
    const task = await ok<{
      title: string;
      state: string;
      dueDate: string;
      lead: { name: string } | null;
      supervisorPersonId: string | null;
      sourceKind: string;
      sourceLabel: string;
    }>(admin, 'GET', `/tasks/${r.impact[0]!.taskId}`);
    expect(task.title).toContain('Rà soát, sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ xã Tân Lập');
    expect(task).toMatchObject({ sourceKind: 'regulation', dueDate: '2027-01-29' });
    expect(task.sourceLabel).toContain('20-QĐ/TU');
    expect(task).toMatchObject({ state: 'assigned', lead: { name: expect.stringContaining('Tân Lập') } });
    expect(task.supervisorPersonId).not.toBeNull();
    const impact = await ok<{ cause: string; subordinates: { taskId: string }[] }[]>(
      admin,
      'GET',
      `/regulations/${regId}/impact`,
    );
    expect(
      impact
        .find((x) => x.cause === 'amendment:/vn-an-lac/quyet-dinh/tinh-uy/2026/20-qd-tu')!
        .subordinates.map((x) => x.taskId),
    ).toEqual([r.impact[0]!.taskId]);
    const tasks = await qb(t.db)
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_kind', '=', 'regulation')
      .executeTakeFirstOrThrow();
    expect(Number(tasks.n)).toBe(1);
  });
});
