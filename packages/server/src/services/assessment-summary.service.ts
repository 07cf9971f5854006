import writeXlsxFile from 'write-excel-file/node';
import { neutralizeFormula } from '@quyche/core';
import { assessmentCountsByBranch, assessmentsOfUnits, childrenAsOf, getOrganization, orgSubtree } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { assessmentSummaryDocx as summaryDocx } from '../reports/assessment.docx.js';
import { assessmentRules, yearAsOf } from './assessment.service.js';
import { total } from './assessment-year.service.js';

/**
 * The year's summary table of an organization's assessments (bảng tổng hợp kết quả đánh giá, xếp loại) as DOCX in
 * the Party's document format: counts by level for members and organizations, then each subject with its level.
 */
export async function assessmentSummaryDocx(ctx: RequestContext, orgId: string, year: number) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = yearAsOf(ctx, year);
  const tree = await orgSubtree(ctx.db, orgId, asOf, ctx.user.clearance);
  const rows = await assessmentsOfUnits(
    ctx.db,
    tree.map((o) => o.id),
    year,
  );
  const org = await getOrganization(ctx.db, orgId);
  const rules = await assessmentRules(ctx, orgId, asOf).catch(() => null);
  await ctx.db.transaction((tx) =>
    ctx.auditChange(tx, 'export_assessments', ['assessment', null, orgId], { after: { year, rows: rows.length } }),
  );
  const content = await summaryDocx({
    issuer: org?.short_name ?? org?.name ?? '',
    symbol: `Số      -BC/${org?.symbol ?? ''}`,
    place: (org?.name ?? '').replace(/^Đảng bộ (tỉnh|xã|phường|thành phố)\s*/u, '') || 'An Lạc',
    date: ctx.today(),
    year,
    orgName: org?.name ?? '',
    rules: rules?.info.title ?? 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị',
    rows: rows.map((r) => ({
      subject: r.subject,
      name: r.name,
      orgName: r.org_name,
      points: r.decided_points,
      level: r.decided_level,
    })),
  });
  return { fileName: `tong-hop-xep-loai-${year}.docx`, content };
}

/** The years the roll-up's trend covers, this one included. */
const TREND_YEARS = 5;
const LEVEL_KEYS = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh', 'undecided'] as const;
type LevelCounts = Record<(typeof LEVEL_KEYS)[number], number>;
const noCounts = (): LevelCounts => ({ xuat_sac: 0, tot: 0, hoan_thanh: 0, khong_hoan_thanh: 0, undecided: 0 });

/**
 * The year's results rolled up for a superior: for the organization itself and each organization directly under it,
 * the sheets of its whole subtree by level decided (members, organizations), and the total. Counts only: who is
 * rated what stays with the units (the list and the sheets).
 */
export async function assessmentRollup(ctx: RequestContext, orgId: string, year: number) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = yearAsOf(ctx, year);
  const [counts, below, org] = await Promise.all([
    assessmentCountsByBranch(ctx.db, orgId, asOf, ctx.user.clearance, [year - TREND_YEARS + 1, year]),
    childrenAsOf(ctx.db, orgId, asOf, ctx.user.clearance),
    getOrganization(ctx.db, orgId),
  ]);
  const rows = new Map<string, { orgName: string; members: LevelCounts; organizations: LevelCounts }>();
  for (const o of [{ id: orgId, name: org?.name ?? '' }, ...below])
    rows.set(o.id, { orgName: o.name, members: noCounts(), organizations: noCounts() });
  const trend = new Map<number, { members: LevelCounts; organizations: LevelCounts }>();
  for (let y = year - TREND_YEARS + 1; y <= year; y++) trend.set(y, { members: noCounts(), organizations: noCounts() });
  const total = trend.get(year)!;
  for (const c of counts) {
    const level = c.level as keyof LevelCounts;
    const group = c.subject === 'member' ? 'members' : 'organizations';
    trend.get(c.year)![group][level] += c.n;
    const row = c.year === year ? rows.get(c.branch) : undefined;
    if (row) row[group][level] += c.n;
  }
  await ctx.db.transaction((tx) =>
    ctx.auditChange(tx, 'read_assessment_rollup', ['assessment', null, orgId], { after: { year } }),
  );
  return {
    year,
    rows: [...rows]
      .filter(([id, r]) => id !== orgId || Object.values(r.members).some((n) => n > 0))
      .map(([id, r]) => ({ orgId: id, ...r })),
    total,
    trend: [...trend].map(([y, c]) => ({ year: y, ...c })),
  };
}

const LEVEL_TITLES: [keyof LevelCounts, string][] = [
  ['xuat_sac', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['tot', 'Hoàn thành tốt nhiệm vụ'],
  ['hoan_thanh', 'Hoàn thành nhiệm vụ'],
  ['khong_hoan_thanh', 'Không hoàn thành nhiệm vụ'],
  ['undecided', 'Chưa quyết định'],
];

/**
 * The year's summary as a spreadsheet: the results by unit directly below (members, organizations, by level), the
 * five years to this one, then every sheet of the year with its points and levels (self, proposed, decided).
 */
export async function assessmentSummaryXlsx(ctx: RequestContext, orgId: string, year: number) {
  const up = await assessmentRollup(ctx, orgId, year);
  const tree = await orgSubtree(ctx.db, orgId, yearAsOf(ctx, year), ctx.user.clearance);
  const rows = await assessmentsOfUnits(
    ctx.db,
    tree.map((o) => o.id),
    year,
  );
  await ctx.db.transaction((tx) =>
    ctx.auditChange(tx, 'export_assessments', ['assessment', null, orgId], { after: { year, rows: rows.length } }),
  );
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const, wrap: true });
  const text = (value: string | null) => ({ value: neutralizeFormula(value ?? ''), type: String });
  const n = (value: number | null) => (value === null ? null : { value, type: Number });
  type Cell = ReturnType<typeof bold> | ReturnType<typeof text> | ReturnType<typeof n>;
  const levelVi = (l: string | null) => LEVEL_TITLES.find(([k]) => k === l)?.[1] ?? '';
  const counts = (c: LevelCounts) => LEVEL_TITLES.map(([k]) => n(c[k]));
  const sheetOf = (subject: 'member' | 'organization', title: string) => ({
    sheet: title,
    stickyRowsCount: 1,
    columns: [{ width: 6 }, { width: 32 }, { width: 36 }, { width: 10 }, { width: 26 }, { width: 26 }, { width: 26 }],
    data: [
      [
        'STT',
        subject === 'member' ? 'Họ và tên' : 'Tổ chức đảng',
        'Thuộc',
        'Tự chấm',
        'Tự xếp loại',
        'Đề xuất',
        'Xếp loại',
      ].map(bold),
      ...rows
        .filter((r) => r.subject === subject)
        .map((r, i) => [
          n(i + 1),
          text(r.name),
          text(r.org_name),
          n(r.decided_points ?? total(r.self_points)),
          text(levelVi(r.self_level)),
          text(levelVi(r.opinion_level)),
          text(levelVi(r.decided_level)),
        ]),
    ],
  });
  // A sheet of counts: its first column, then members and organizations by level.
  const countsSheet = (sheet: string, first: string, width: number, lines: Cell[][]) => ({
    sheet,
    stickyRowsCount: 1,
    columns: [{ width }, ...LEVEL_TITLES.map(() => ({ width: 16 })), ...LEVEL_TITLES.map(() => ({ width: 16 }))],
    data: [
      [
        bold(first),
        ...LEVEL_TITLES.map(([, t]) => bold(`Đảng viên — ${t}`)),
        ...LEVEL_TITLES.map(([, t]) => bold(`Tổ chức đảng — ${t}`)),
      ],
      ...lines,
    ],
  });
  const content = await writeXlsxFile([
    countsSheet('Tổng hợp', 'Tổ chức trực thuộc', 40, [
      ...up.rows.map((r) => [text(r.orgName), ...counts(r.members), ...counts(r.organizations)]),
      [bold('Tổng cộng'), ...counts(up.total.members), ...counts(up.total.organizations)],
    ]),
    countsSheet(
      'Qua các năm',
      'Năm',
      10,
      up.trend.map((t) => [n(t.year), ...counts(t.members), ...counts(t.organizations)]),
    ),
    sheetOf('member', 'Đảng viên'),
    sheetOf('organization', 'Tổ chức đảng'),
  ]).toBuffer();
  return { fileName: `tong-hop-xep-loai-${year}.xlsx`, content };
}
