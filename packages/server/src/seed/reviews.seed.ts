import { customPeriod, documentSymbol, parseReviewPeriod } from '@quyche/core';
import { nextDocumentNumber, termOn, uuidv7 } from '@quyche/db';
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
      await tx.query<{ id: string }>(
        "select m.id from meeting m join body b on b.id = m.body_id where m.org_id = $1 and b.kind = 'BTV' and m.meeting_date = $2",
        [org, date],
      )
    ).rows[0]?.id ?? null;
  const report = async (
    org: { id: string; name: string },
    code: string,
    adopted: { on: string; meeting: string | null } | null,
  ) => {
    const period = parseReviewPeriod(code, { today: c.today });
    const d = await draftFor(tx, org, period, 'period', c.today, 3);
    const id = uuidv7();
    await tx.query(
      `insert into review_report (id, org_id, kind, period_code, period_from, period_to, title, state, paragraphs, adopted_figures, adopted_on, adopted_meeting_id, recipients, created_by)
       values ($1,$2,'period',$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        id,
        org.id,
        period.code,
        period.from,
        period.to,
        d.title,
        adopted ? 'adopted' : 'draft',
        JSON.stringify(d.paragraphs),
        adopted ? JSON.stringify(d.figures) : null,
        adopted?.on ?? null,
        adopted?.meeting ?? null,
        JSON.stringify(['Ban Thường vụ cấp trên (để báo cáo)', 'Các đồng chí cấp ủy viên', 'Lưu Văn phòng']),
        c.adminUser,
      ],
    );
    if (adopted) {
      // Issued with its number, as an adopted report is (12-BC/TU).
      const sym = (await tx.query<{ symbol: string | null }>('select symbol from organization where id = $1', [org.id]))
        .rows[0]?.symbol;
      const term = await termOn(tx, org.id, adopted.on);
      if (sym && term) {
        const number = await nextDocumentNumber(tx, org.id, 'BC', term.id);
        const docId = uuidv7();
        const symbol = documentSymbol(number, 'BC', sym);
        await tx.query(
          'insert into issued_document (id, org_id, term_id, doc_type, number, symbol, title, issued_on, confidentiality, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,0,$9)',
          [docId, org.id, term.id, 'BC', number, symbol, d.title, adopted.on, c.adminUser],
        );
        await tx.query('update review_report set symbol = $2, issued_document_id = $3 where id = $1', [
          id,
          symbol,
          docId,
        ]);
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
    id: (await tx.query<{ id: string }>('select id from body where org_id = $1 and name = $2', [c.province, name]))
      .rows[0]!.id,
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
          'Từ phiên họp ngày 04/08/2026 đến ngày 17/11/2026, tài liệu của 8/8 phiên họp Ban Thường vụ được gửi đúng hạn (sổ theo dõi gửi tài liệu của Văn phòng Tỉnh ủy)',
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
      text: 'Việc thuộc thẩm quyền của Ban Nội chính Tỉnh ủy còn đưa lên Thường trực Tỉnh ủy quyết định (khoản 2 Điều 18)',
      remedy: 'Rà soát danh mục việc thuộc thẩm quyền của các ban, chỉ trình Thường trực việc vượt thẩm quyền',
      lead: await lead('Ban Nội chính Tỉnh ủy'),
      due: '2026-12-31',
      fixed: null,
    },
  ];
  for (const s of shortcomings) {
    await tx.query(
      `insert into shortcoming (id, org_id, text, remedy, lead_kind, lead_id, lead_name, due_date, identified_on, review_report_id, state, fixed_on, evidence)
       values ($1,$2,$3,$4,$5,$6,$7,$8,'2026-07-07',$9,$10,$11,$12)`,
      [
        uuidv7(),
        c.province,
        s.text,
        s.remedy,
        s.lead.kind,
        s.lead.id,
        s.lead.name,
        s.due,
        h1,
        s.fixed ? 'fixed' : 'open',
        s.fixed?.on ?? null,
        s.fixed?.evidence ?? null,
      ],
    );
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
  const x02 = (await tx.query<{ id: string; name: string }>("select id, name from organization where code = 'ORG-X02'"))
    .rows[0];
  const termStart = async (org: string) =>
    (
      await tx.query<{ valid_from: string }>(
        'select valid_from::text from term where org_id = $1 and valid_from <= $2 order by valid_from desc limit 1',
        [org, c.today],
      )
    ).rows[0]?.valid_from;
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
    await tx.query(
      `insert into review_request (id, org_id, target_org_id, title, topics, period_from, period_to, sent_on, deadline, team, state, report_id, submitted_on, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        uuidv7(),
        c.province,
        target.id,
        `Đoàn công tác của ${c.provinceName} làm việc với ${target.name}`,
        JSON.stringify(topics),
        from,
        sentOn,
        sentOn,
        deadline,
        JSON.stringify(team),
        report ? 'submitted' : 'sent',
        report?.id ?? null,
        report?.on ?? null,
        c.adminUser,
      ],
    );
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
  await tx.query(
    `insert into review_report (id, org_id, kind, period_code, period_from, period_to, title, state, paragraphs, recipients, created_by) values ($1,$2,'regulation',$3,$4,$5,$6,'draft',$7,$8,$9)`,
    [
      reportId,
      c.commune,
      period.code,
      period.from,
      period.to,
      d.title,
      JSON.stringify(d.paragraphs),
      JSON.stringify([`Đoàn công tác của ${c.provinceName} (để báo cáo)`, 'Lưu Văn phòng Đảng ủy']),
      c.adminUser,
    ],
  );
  const tanLap = (await tx.query<{ name: string }>('select name from organization where id = $1', [c.commune]))
    .rows[0]!;
  await request({ id: c.commune, name: tanLap.name }, '2026-11-16', '2026-11-30', { id: reportId, on: '2026-11-27' });
  if (x02) await request(x02, '2026-11-20', '2026-12-04', null);
}
