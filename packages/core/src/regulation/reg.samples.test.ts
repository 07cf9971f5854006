import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrThrow, printRegulation } from './reg.parse.js';
import { lint, LINT_CODES } from './reg.lint.js';
import { checkConsistency, impactReport } from './reg.consistency.js';
import { consolidate, parseAmendment } from './reg.amendment.js';
import { conveningCheck, meetingRegime, regularMeetings } from './engine.js';
import { runScenarios } from './reg.ask.js';
import { ruleSentenceVi } from './rule.sentence.js';

const load = (p: string) =>
  parseOrThrow(readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8'));
const model = load('mau/quy-che-mau-tinh.qc.md');
const anLac = load('an-lac/01-QC-TU.qc.md');
const tanLap = load('an-lac/xa-tan-lap.qc.md');
const cell = load('mau/chi-bo-mau.qc.md');

describe('sample regulations', () => {
  it("An Lạc's 01-QC/TU has the fixture's 28 articles and lints with no error, alone and against the model", () => {
    const articles = anLac.chapters.flatMap((c) => c.children);
    expect(articles.map((a) => a.num)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(anLac.chapters.map((c) => c.num)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(lint(anLac).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lint(anLac, { model }).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lint(model).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('passes every scenario of An Lạc, the model and Tân Lập', () => {
    for (const r of [anLac, model, tanLap]) expect(runScenarios(r).filter((x) => !x.passed)).toEqual([]);
    expect(runScenarios(anLac).length).toBeGreaterThanOrEqual(17);
  });
  it('refuses a Tỉnh ủy conference convened without a BTV decision, citing the clause (R2)', () => {
    const none = conveningCheck(anLac, 'BCH', null, '2026-04-10');
    expect(none.result).toEqual({ ok: false, required: 'BTV' });
    expect(none.reason_vi).toContain('khoản 1 Điều 12');
    expect(none.reason_vi).toContain('chưa có quyết định triệu tập');
    expect(conveningCheck(anLac, 'BCH', 'TT', '2026-04-10').result.ok).toBe(false);
    expect(conveningCheck(anLac, 'BCH', 'BTV', '2026-04-10').result.ok).toBe(true);
    expect(conveningCheck(anLac, 'BTV', 'TT', '2026-04-07').result.ok).toBe(true);
  });
  it('the model cell regulation: monthly and quarterly thematic regimes, clean lint, its scenarios', () => {
    expect(lint(cell).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(runScenarios(cell).filter((x) => !x.passed)).toEqual([]);
    expect(runScenarios(cell).length).toBeGreaterThanOrEqual(6);
    expect(meetingRegime(cell, 'CHI_BO', '2026-05-01').result.rule).toMatchObject({
      id: 'cb-thuong-le',
      min_minutes: 90,
    });
    const thematic = meetingRegime(cell, 'CHI_BO', '2026-05-01', 'thematic');
    expect(thematic.result.rule.id).toBe('cb-chuyen-de');
    expect(thematic.reason_vi).toContain('khoản 2 Điều 1');
    expect(regularMeetings(cell, 'CHI_BO', '2026-01-01', '2026-06-30', 'thematic').reason_vi).toContain(
      'Chi bộ sinh hoạt chuyên đề 3 tháng một lần: 2 kỳ',
    );
    // The chi ủy convenes the monthly meeting; the thematic regime does not make the convener ambiguous.
    expect(conveningCheck(cell, 'CHI_BO', 'CHI_UY', '2026-05-01').result.ok).toBe(true);
    const sentences = cell.rules.map((r) => ruleSentenceVi(r, cell.frontMatter));
    expect(sentences).toContain('Chi bộ sinh hoạt chuyên đề ít nhất 3 tháng một lần; mỗi buổi ít nhất 120 phút.');
  });

  it('does not read a citation of another document as a reference inside the regulation, nor a date as a ratio', () => {
    const codes = lint(cell).map((f) => f.code);
    expect(codes).not.toContain('DANGLING_REFERENCE');
    expect(codes).not.toContain('TEXT_RULE_DRIFT');
    const broken = load('mau/chi-bo-mau.qc.md');
    const para = broken.chapters[0]!.children[0]!.children[0]!;
    para.text = `${para.text} Xem khoản 3 Điều 12.`;
    expect(
      lint(broken)
        .filter((f) => f.code === 'DANGLING_REFERENCE')
        .map((f) => f.message),
    ).toEqual(['khoản 1 Điều 1 dẫn chiếu "khoản 3 Điều 12" nhưng quy chế không có phần tử này']);
  });

  it("keeps the commune's regulation consistent with its superior", () => {
    expect(lint(tanLap, { superior: anLac }).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('demonstrates each of the 15 lint codes on the faulty variant', () => {
    const faulty = load('test/01-QC-TU-loi.qc.md');
    const codes = new Set(lint(faulty, { model }).map((f) => f.code));
    expect([...LINT_CODES].filter((c) => !codes.has(c))).toEqual([]);
    for (const f of lint(faulty, { model })) {
      expect(f.message).toMatch(/[ạảãàáâầấậẫẩăằắặẵẳđêềếệễểôồốộỗổơờớợỡởưừứựữửịỉĩìíọỏõòóụủũùúỵỷỹỳý]/i);
      expect(f.message_en.length).toBeGreaterThan(10);
    }
  });
  it('finds each looser commune rule with a concrete Vietnamese counterexample', () => {
    const faulty = load('test/xa-loi.qc.md');
    const findings = checkConsistency(faulty, anLac).filter((f) => f.code === 'LOOSER_THAN_MODEL');
    const about = (ruleId: string) => findings.find((f) => f.ruleIds?.includes(ruleId))?.message ?? '';
    expect(about('x-hop-le')).toMatch(/với \d+ ủy viên được triệu tập, \d+ có mặt: quy chế này coi là hợp lệ/);
    expect(about('x-tl-bch')).toMatch(/tài liệu gửi ngày \d\d\/\d\d\/\d{4} .*đúng hạn theo quy chế này, chậm theo/);
    expect(about('x-tq-ctr')).toContain('quy chế cấp trên dành cho BCH, quy chế này giao BTV');
    expect(about('x-uq-nq')).toMatch(/không có thời hạn: ví dụ ngày \d\d\/\d\d\/\d{4}/);
  });
  it('reports the communes an amendment of the superior makes inconsistent', () => {
    const amendment = parseAmendment(`---
work: /vn-an-lac/quyet-dinh/tinh-uy/2026/sua-doi-01-qc
amends: /vn-an-lac/quy-che/tinh-uy/2025/qclv
adopted_on: 2026-06-25
in_force_from: 2026-07-01
---
effects:
  - { op: replace, target: art_12__para_3,
      text: "Tài liệu hội nghị Tỉnh ủy được gửi đến Tỉnh ủy viên chậm nhất 07 ngày làm việc trước ngày khai mạc.",
      rules: [ { id: tl-bch, kind: notice, body: BCH, documents_before_meeting: { min: 7, unit: working_day } } ] }
`);
    const amended = consolidate(anLac, [amendment], '2026-07-01').regulation;
    const report = impactReport(anLac, amended, [{ id: 'xa-tan-lap', regulation: tanLap }]);
    expect(report.map((r) => r.id)).toEqual(['xa-tan-lap']);
    expect(report[0]!.findings[0]!.message).toContain('7 ngày làm việc');
    expect(printRegulation(amended)).toContain('chậm nhất 07 ngày làm việc');
  });
});
