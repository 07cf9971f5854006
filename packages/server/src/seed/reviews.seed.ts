import { customPeriod, documentSymbol, parseReviewPeriod } from '@quyche/core';
import { nextDocumentNumber, qb, termOn, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import { draftFor } from '../services/review-report.service.js';

/**
 * The demo's reviews (issue 12): An Lạc's six-month review of 2026, adopted at the BTV session of 07/07/2026, with
 * the three shortcomings it named (one fixed by November, with its evidence), its draft annual review of 2026, and
 * Tân Lập's own six-month review, adopted at its BTV on 09/07/2026; the province's working group on how the communes
 * build and implement their working regulations: Tân Lập has submitted its report, Bắc Sơn is late. Written after the
 * record they are drafted from.
 */
export async function seedReviews(
  tx: Sql,
  c: { province: string; provinceName: string; commune: string; communeName: string; adminUser: string; today: string },
) {
  const meetingOn = async (org: string, date: string) =>
    (
      await qb(tx)
        .selectFrom('meeting as m')
        .innerJoin('body as b', 'b.id', 'm.body_id')
        .select('m.id')
        .where('m.org_id', '=', org)
        .where('b.kind', '=', 'BTV')
        .where('m.meeting_date', '=', date)
        .executeTakeFirst()
    )?.id ?? null;
  const report = async (
    org: { id: string; name: string },
    code: string,
    adopted: { on: string; meeting: string | null } | null,
  ) => {
    const period = parseReviewPeriod(code, { today: c.today });
    const d = await draftFor(tx, org, period, 'period', c.today, 3);
    const id = uuidv7();
    await qb(tx)
      .insertInto('review_report')
      .values({
        id,
        org_id: org.id,
        kind: 'period',
        period_code: period.code,
        period_from: period.from,
        period_to: period.to,
        title: d.title,
        state: adopted ? 'adopted' : 'draft',
        paragraphs: JSON.stringify(d.paragraphs),
        adopted_figures: adopted ? JSON.stringify(d.figures) : null,
        adopted_on: adopted?.on ?? null,
        adopted_meeting_id: adopted?.meeting ?? null,
        recipients: JSON.stringify([
          'Ban Thường vụ cấp trên (để báo cáo)',
          'Các đồng chí cấp ủy viên',
          'Lưu Văn phòng',
        ]),
        created_by: c.adminUser,
      })
      .execute();
    if (adopted) {
      // Issued with its number, as an adopted report is (12-BC/TU).
      const sym = (await qb(tx).selectFrom('organization').select('symbol').where('id', '=', org.id).executeTakeFirst())
        ?.symbol;
      const term = await termOn(tx, org.id, adopted.on);
      if (sym && term) {
        const number = await nextDocumentNumber(tx, org.id, 'BC', term.id);
        const docId = uuidv7();
        const symbol = documentSymbol(number, 'BC', sym);
        await qb(tx)
          .insertInto('issued_document')
          .values({
            id: docId,
            org_id: org.id,
            term_id: term.id,
            doc_type: 'BC',
            number,
            symbol,
            title: d.title,
            issued_on: adopted.on,
            confidentiality: 0,
            created_by: c.adminUser,
          })
          .execute();
        await qb(tx)
          .updateTable('review_report')
          .set({ symbol, issued_document_id: docId })
          .where('id', '=', id)
          .execute();
      }
    }
    return id;
  };
  const h1 = await report({ id: c.province, name: c.provinceName }, '2026-H1', {
    on: '2026-07-07',
    meeting: await meetingOn(c.province, '2026-07-07'),
  });
  const lead = async (name: string) => ({
    kind: 'unit',
    id: (
      await qb(tx)
        .selectFrom('body')
        .select('id')
        .where('org_id', '=', c.province)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id,
    name,
  });
  const shortcomings = [
    {
      text: 'Một số phiên họp Ban Thường vụ gửi tài liệu chậm so với quy chế (khoản 2 Điều 13)',
      remedy: 'Văn phòng lập lịch trình tài liệu từng phiên họp, nhắc các cơ quan trình trước 5 ngày làm việc',
      lead: await lead('Văn phòng Tỉnh ủy'),
      due: '2026-09-30',
      fixed: {
        on: '2026-11-16',
        evidence:
          'Từ phiên họp ngày 04/08/2026 đến ngày 17/11/2026, tài liệu của 8/8 phiên họp Ban Thường vụ được gửi ' +
          'đúng hạn (sổ theo dõi gửi tài liệu của Văn phòng Tỉnh ủy)',
      },
    },
    {
      text: 'Thông báo kết luận một số phiên họp ban hành chậm so với thời hạn 5 ngày làm việc (khoản 1 Điều 17)',
      remedy: 'Phân công chuyên viên theo dõi, trình ký thông báo kết luận trong 3 ngày làm việc sau phiên họp',
      lead: await lead('Văn phòng Tỉnh ủy'),
      due: '2026-10-31',
      fixed: null,
    },
    {
      text:
        'Việc thuộc thẩm quyền của Ban Nội chính Tỉnh ủy còn đưa lên Thường trực Tỉnh ủy quyết định ' +
        '(khoản 2 Điều 18)',
      remedy: 'Rà soát danh mục việc thuộc thẩm quyền của các ban, chỉ trình Thường trực việc vượt thẩm quyền',
      lead: await lead('Ban Nội chính Tỉnh ủy'),
      due: '2026-12-31',
      fixed: null,
    },
  ];
  for (const s of shortcomings) {
    await qb(tx)
      .insertInto('shortcoming')
      .values({
        id: uuidv7(),
        org_id: c.province,
        text: s.text,
        remedy: s.remedy,
        lead_kind: s.lead.kind,
        lead_id: s.lead.id,
        lead_name: s.lead.name,
        due_date: s.due,
        identified_on: '2026-07-07',
        review_report_id: h1,
        state: s.fixed ? 'fixed' : 'open',
        fixed_on: s.fixed?.on ?? null,
        evidence: s.fixed?.evidence ?? null,
      })
      .execute();
  }
  await report({ id: c.province, name: c.provinceName }, '2026', null);
  await report({ id: c.commune, name: c.communeName }, '2026-H1', {
    on: '2026-07-09',
    meeting: await meetingOn(c.commune, '2026-07-09'),
  });
  await workingGroups(tx, c);
}

/** The province's working group of November 2026: Tân Lập submitted its report on 27/11, Bắc Sơn had not by 04/12. */
async function workingGroups(
  tx: Sql,
  c: { province: string; provinceName: string; commune: string; communeName: string; adminUser: string; today: string },
) {
  const x02 = await qb(tx)
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('code', '=', 'ORG-X02')
    .executeTakeFirst();
  const termStart = async (org: string) =>
    (
      await qb(tx)
        .selectFrom('term')
        .select('valid_from')
        .where('org_id', '=', org)
        .where('valid_from', '<=', c.today)
        .orderBy('valid_from', 'desc')
        .limit(1)
        .executeTakeFirst()
    )?.valid_from;
  const topics = [
    'Việc xây dựng, ban hành Quy chế làm việc của Đảng ủy khóa I sau sắp xếp',
    'Thực hiện chế độ họp, thời hạn gửi tài liệu và ban hành thông báo kết luận',
    'Theo dõi, đôn đốc thực hiện nhiệm vụ được giao; phân công nhiệm vụ "6 rõ"',
    'Khó khăn, vướng mắc và kiến nghị, đề xuất',
  ];
  const team = [
    { name: 'Chánh Văn phòng Tỉnh ủy', role: 'Trưởng đoàn' },
    { name: 'Chuyên viên Phòng Tổng hợp, Văn phòng Tỉnh ủy', role: 'Thành viên' },
  ];
  const request = async (
    target: { id: string; name: string },
    sentOn: string,
    deadline: string,
    report: { id: string; on: string } | null,
  ) => {
    const from = (await termStart(target.id)) ?? '2025-07-01';
    await qb(tx)
      .insertInto('review_request')
      .values({
        id: uuidv7(),
        org_id: c.province,
        target_org_id: target.id,
        title: `Đoàn công tác của ${c.provinceName} làm việc với ${target.name}`,
        topics: JSON.stringify(topics),
        period_from: from,
        period_to: sentOn,
        sent_on: sentOn,
        deadline,
        team: JSON.stringify(team),
        state: report ? 'submitted' : 'sent',
        report_id: report?.id ?? null,
        submitted_on: report?.on ?? null,
        created_by: c.adminUser,
      })
      .execute();
  };
  const from = (await termStart(c.commune)) ?? '2025-07-01';
  const period = customPeriod(from, '2026-11-16', { today: c.today });
  const d = await draftFor(
    tx,
    { id: c.commune, name: c.communeName },
    { ...period, label_vi: 'từ đầu nhiệm kỳ đến ngày 16/11/2026' },
    'regulation',
    c.today,
    3,
  );
  const reportId = uuidv7();
  await qb(tx)
    .insertInto('review_report')
    .values({
      id: reportId,
      org_id: c.commune,
      kind: 'regulation',
      period_code: period.code,
      period_from: period.from,
      period_to: period.to,
      title: d.title,
      state: 'draft',
      paragraphs: JSON.stringify(d.paragraphs),
      recipients: JSON.stringify([`Đoàn công tác của ${c.provinceName} (để báo cáo)`, 'Lưu Văn phòng Đảng ủy']),
      created_by: c.adminUser,
    })
    .execute();
  const tanLap = await qb(tx)
    .selectFrom('organization')
    .select('name')
    .where('id', '=', c.commune)
    .executeTakeFirstOrThrow();
  await request({ id: c.commune, name: tanLap.name }, '2026-11-16', '2026-11-30', { id: reportId, on: '2026-11-27' });
  if (x02) await request(x02, '2026-11-20', '2026-12-04', null);
}
