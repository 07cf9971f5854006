import { readFileSync, writeFileSync } from 'node:fs';
import { comparisonTableDocx } from '@quyche/server';
import type { Command } from 'commander';
import {
  AmendmentError,
  importRegulation,
  ImportError,
  ask,
  comparisonTableMarkdown,
  consolidate,
  diffRegulations,
  EngineError,
  lint,
  parseAmendment,
  parseRegulation,
  RegulationParseError,
  runScenarios,
  isIsoDate,
  todayInVietnam,
} from '@quyche/core';
import type { Regulation, WorkingCalendar } from '@quyche/core';

/**
 * Exit codes of `quyche reg` (other tools automate them): 0 ok, 1 findings/failures, 2 unreadable file, 3 no answer.
 */
export const EXIT = { OK: 0, FINDINGS: 1, PARSE: 2, NO_ANSWER: 3 } as const;

export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly json?: unknown,
  ) {
    super(message);
  }
}

function load(file: string, asJson: boolean): Regulation {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ExitError(
      EXIT.PARSE,
      `Không đọc được tệp ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      asJson ? { error: { line: 0, column: 0, message: `Không đọc được tệp ${file}` } } : undefined,
    );
  }
  const r = parseRegulation(text);
  if (!r.ok)
    throw new ExitError(
      EXIT.PARSE,
      `${file}:${r.error.line}:${r.error.column}: ${r.error.message}`,
      asJson ? { error: r.error } : undefined,
    );
  return r.regulation;
}

export function regCommands(prog: Command, calendar: () => WorkingCalendar) {
  const reg = prog.command('reg').description('quy chế dạng mã (.qc.md): kiểm tra, hỏi, chạy kịch bản');

  reg
    .command('ask <file>')
    .description(
      'hỏi quy chế: --json \'{"ask":"quorum","at":"2026-03-10","input":{"body":"BCH","summoned":51,"present":34}}\'',
    )
    .requiredOption('--json <question>', 'câu hỏi dạng JSON: {"ask", "at", "input"}')
    .action((file: string, o: { json: string }) => {
      const regulation = load(file, true);
      let q: { ask: string; at?: string; input: Record<string, unknown> };
      try {
        q = JSON.parse(o.json);
      } catch (e) {
        throw new ExitError(EXIT.PARSE, `Câu hỏi không phải JSON hợp lệ: ${(e as Error).message}`, {
          error: { line: 1, column: 1, message: 'Câu hỏi không phải JSON hợp lệ' },
        });
      }
      try {
        const a = ask(regulation, { ask: q?.ask, at: q?.at, input: q?.input ?? {} }, calendar());
        console.log(JSON.stringify({ result: a.result, ruleIds: a.ruleIds, eIds: a.eIds, reason_vi: a.reason_vi }));
      } catch (e) {
        if (e instanceof EngineError)
          throw new ExitError(EXIT.NO_ANSWER, e.reason_vi, {
            error: { code: e.code, ruleIds: e.ruleIds, reason_vi: e.reason_vi },
          });
        throw e;
      }
    });

  reg
    .command('lint <file>')
    .description('kiểm tra quy chế theo 15 quy tắc; mã thoát 0 không có lỗi, 1 có lỗi, 2 tệp không đọc được')
    .option('--model <file>', 'quy chế mẫu để so sánh')
    .option('--superior <file>', 'quy chế cấp trên để so sánh')
    .option('--json', 'in kết quả dạng JSON')
    .action((file: string, o: { model?: string; superior?: string; json?: boolean }) => {
      const regulation = load(file, Boolean(o.json));
      const findings = lint(regulation, {
        model: o.model ? load(o.model, Boolean(o.json)) : undefined,
        superior: o.superior ? load(o.superior, Boolean(o.json)) : undefined,
      });
      if (o.json)
        console.log(
          JSON.stringify({
            findings: findings.map((f) => ({
              code: f.code,
              severity: f.severity,
              eId: f.eId,
              message: f.message,
              message_en: f.message_en,
            })),
          }),
        );
      else {
        const label = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' } as const;
        for (const f of findings)
          console.log(`${label[f.severity]} ${f.code}${f.eId ? ` [${f.eId}]` : ''}: ${f.message}`);
        const n = (s: string) => findings.filter((f) => f.severity === s).length;
        console.log(`${n('error')} lỗi, ${n('warning')} cảnh báo, ${n('info')} ghi chú`);
      }
      if (findings.some((f) => f.severity === 'error')) process.exitCode = EXIT.FINDINGS;
    });

  reg
    .command('test <file>')
    .description('chạy các khối kiem-thu của quy chế; dòng cuối "N passed, M failed"')
    .action((file: string) => {
      const results = runScenarios(load(file, false), calendar());
      for (const r of results) {
        console.log(`${r.passed ? '✓' : '✗'} ${r.name} (dòng ${r.line})`);
        if (!r.passed)
          console.log(`    mong đợi ${JSON.stringify(r.expected)}, nhận ${r.error ?? JSON.stringify(r.actual)}`);
      }
      const failed = results.filter((r) => !r.passed).length;
      console.log(`${results.length - failed} passed, ${failed} failed`);
      if (failed) process.exitCode = EXIT.FINDINGS;
    });
  reg
    .command('consolidate <base> <amendments...>')
    .description('văn bản hợp nhất tại một ngày: áp dụng các sửa đổi có hiệu lực đến ngày đó')
    .requiredOption('--at <date>', 'ngày YYYY-MM-DD')
    .option('--json', 'in JSON: văn bản, ghi chú nguồn gốc, sửa đổi chưa có hiệu lực')
    .action((baseFile: string, files: string[], o: { at: string; json?: boolean }) => {
      if (!isIsoDate(o.at)) throw new ExitError(EXIT.PARSE, `--at phải là ngày YYYY-MM-DD: ${o.at}`);
      const base = load(baseFile, Boolean(o.json));
      const amendments = files.map((f) => {
        try {
          return parseAmendment(readFileSync(f, 'utf8'));
        } catch (e) {
          const msg = e instanceof RegulationParseError ? e.message : (e as Error).message;
          throw new ExitError(EXIT.PARSE, `${f}: ${msg}`);
        }
      });
      let c: ReturnType<typeof consolidate>;
      try {
        c = consolidate(base, amendments, o.at);
      } catch (e) {
        if (e instanceof AmendmentError || e instanceof RegulationParseError)
          throw new ExitError(EXIT.FINDINGS, e.message);
        throw e;
      }
      if (o.json) {
        console.log(
          JSON.stringify({
            text: c.text,
            provenance: c.provenance,
            pending: c.pending.map((p) => ({
              work: p.amendment.work,
              effect: p.index,
              date: p.date,
              op: p.effect.op,
              target: p.effect.target ?? p.effect.target_rule,
            })),
          }),
        );
        return;
      }
      console.log(c.text);
      // Notes go to stderr so that stdout is the consolidated file itself.
      for (const p of c.provenance) console.error(`Nguồn gốc ${p.eId}: ${p.note_vi}`);
      for (const p of c.pending)
        console.error(`Chưa có hiệu lực: ${p.effect.op} ${p.effect.target ?? p.effect.target_rule ?? ''} từ ${p.date}`);
    });

  reg
    .command('import <file>')
    .description(
      'nhập quy chế từ Word (.docx, kể cả đánh số tự động) hoặc .txt thành .qc.md; báo cáo phần không xếp được',
    )
    .option('--json', 'in JSON: {qcmd, report}')
    .action((file: string, o: { json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (e) {
        throw new ExitError(EXIT.PARSE, `Không đọc được tệp ${file}: ${(e as NodeJS.ErrnoException).code ?? ''}`);
      }
      let r: ReturnType<typeof importRegulation>;
      try {
        r = importRegulation({ fileName: file, bytes });
      } catch (e) {
        if (e instanceof ImportError)
          throw new ExitError(
            EXIT.PARSE,
            e.message,
            o.json ? { error: { code: e.code, message: e.message } } : undefined,
          );
        throw e;
      }
      if (o.json) console.log(JSON.stringify(r));
      else {
        console.log(r.qcmd);
        const rep = r.report;
        console.error(
          `Nhập: ${rep.chapters} chương, ${rep.articles} điều, ${rep.clauses} khoản, ${rep.points} điểm; ` +
            `${rep.unplaced.length} đoạn không xếp được.`,
        );
        for (const u of rep.unplaced) console.error(`  - đoạn ${u.paragraph}: ${u.reason_vi}: ${u.text}`);
        for (const w of rep.warnings) console.error(`  ! ${w}`);
        if (!rep.isRegulation) console.error(`Lỗi: ${rep.reason_vi}`);
      }
      if (!r.report.isRegulation) process.exitCode = EXIT.FINDINGS;
    });

  reg
    .command('diff <a> <b>')
    .description('bảng so sánh hai phiên bản theo từng điều, khoản (Markdown)')
    .option('--json', 'in JSON')
    .option('--docx <out>', 'ghi bảng so sánh ra tệp DOCX theo thể thức văn bản của Đảng')
    .action(async (a: string, b: string, o: { json?: boolean; docx?: string }) => {
      const [ra, rb] = [load(a, Boolean(o.json)), load(b, Boolean(o.json))];
      const rows = diffRegulations(ra, rb);
      console.log(o.json ? JSON.stringify({ rows }) : comparisonTableMarkdown(rows));
      if (o.docx) {
        const buf = await comparisonTableDocx({
          rows,
          issuer: String(ra.frontMatter['issuer_name'] ?? 'TỈNH ỦY'),
          symbol: 'Số      -BC/TU',
          place: 'An Lạc',
          date: todayInVietnam(),
          summary:
            `giữa ${String(ra.frontMatter.expression ?? a)} và ${String(rb.frontMatter.expression ?? b)} ` +
            `của ${String(ra.frontMatter.title ?? '')}`,
        });
        writeFileSync(o.docx, buf);
        console.error(`Đã ghi ${o.docx} (${rows.length} dòng)`);
      }
    });
  return reg;
}
