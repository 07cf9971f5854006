/**
 * The file pool's worker: parsing of uploaded files, in a thread of its own with a memory cap, so that a file
 * built to be slow or huge costs that thread, never the server's event loop. Every function here checks the
 * limits before the expensive step and answers a refusal as data (the thread may be ended on time-out anyway).
 */
import { strToU8, zipSync } from 'fflate';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { formatBytesVi, importRegulation, ImportError, readZip } from '@quyche/core';
import type { SheetLimits } from './file.limits.js';

export type FileJob =
  | { kind: 'xlsx'; bytes: Uint8Array; limits: SheetLimits }
  | { kind: 'csv'; bytes: Uint8Array; limits: SheetLimits }
  | { kind: 'regulation-import'; fileName: string; bytes: Uint8Array };

export interface FileRefusal {
  /** FILE_TOO_LARGE (413), FILE_UNPROCESSABLE (422) or VALIDATION_FAILED (400: not that kind of file). */
  problem: 'FILE_TOO_LARGE' | 'FILE_UNPROCESSABLE' | 'VALIDATION_FAILED';
  code: string;
  detail: string;
  limit?: number;
}

export type FileJobResult = { ok: true; value: unknown } | { ok: false; refusal: FileRefusal };

class Refused extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(refusal.detail);
  }
}
const refuse = (r: FileRefusal): never => {
  throw new Refused(r);
};
const vi = (n: number) => n.toLocaleString('vi-VN');

export default async function runFileJob(job: FileJob): Promise<FileJobResult> {
  try {
    if (job.kind === 'xlsx') return { ok: true, value: await xlsxRows(job.bytes, job.limits) };
    if (job.kind === 'csv') return { ok: true, value: csvRows(job.bytes, job.limits) };
    return { ok: true, value: regulationImport(job.fileName, job.bytes) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

const NOT_XLSX: FileRefusal = {
  problem: 'VALIDATION_FAILED',
  code: 'VALIDATION_FAILED',
  detail: 'Tệp không phải bảng tính Excel (.xlsx) đọc được',
};

async function xlsxRows(bytes: Uint8Array, limits: SheetLimits): Promise<unknown[][]> {
  const opened = readZip(bytes, limits.zip, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  if ('issue' in opened) {
    if (opened.issue.code === 'KHONG_MO_DUOC_GOI_NEN') refuse(NOT_XLSX);
    refuse({
      problem: 'FILE_TOO_LARGE',
      code: opened.issue.code,
      detail: opened.issue.message_vi,
      ...('limit' in opened.issue ? { limit: opened.issue.limit } : {}),
    });
  }
  const files = (opened as { files: Record<string, Uint8Array> }).files;
  const packed: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    // Whitespace between elements means nothing in SpreadsheetML; megabytes of it stall the XML parser.
    const xml = new TextDecoder().decode(content).replace(/>\s+</g, '><');
    if (name.startsWith('xl/worksheets/')) checkSheetXml(xml, limits);
    checkTextRuns(xml, limits);
    packed[name] = strToU8(xml);
  }
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(zipSync(packed, { level: 0 })))) as unknown[][];
  } catch {
    return refuse(NOT_XLSX);
  }
  checkColumns(rows, limits, 'Bảng tính');
  return rows;
}

/** Rows counted before parsing, from the markup itself. */
/** Refuses a table wider than the limit; `what` names the file in the message ("Bảng tính", "Tệp CSV"). */
function checkColumns(rows: unknown[][], limits: SheetLimits, what: string) {
  const widest = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > limits.maxColumns)
    refuse({
      problem: 'FILE_UNPROCESSABLE',
      code: 'QUA_NHIEU_COT',
      limit: limits.maxColumns,
      detail: `${what} có ${vi(widest)} cột, vượt giới hạn ${vi(limits.maxColumns)} cột`,
    });
}

function checkSheetXml(xml: string, limits: SheetLimits) {
  let rows = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === ' ' || next === '>' || next === '/') rows++;
  }
  if (rows > limits.maxRows + 1)
    refuse({
      problem: 'FILE_UNPROCESSABLE',
      code: 'QUA_NHIEU_DONG',
      limit: limits.maxRows,
      detail: `Bảng tính có ${vi(rows - 1)} dòng, vượt giới hạn ${vi(limits.maxRows)} dòng mỗi lần nhập`,
    });
}

/** No text between two tags longer than a cell may hold (entities counted generously). */
function checkTextRuns(xml: string, limits: SheetLimits) {
  const max = limits.maxCellChars * 6;
  let from = 0;
  for (;;) {
    const lt = xml.indexOf('<', from);
    const end = lt < 0 ? xml.length : lt;
    if (end - from > max)
      refuse({
        problem: 'FILE_UNPROCESSABLE',
        code: 'O_QUA_DAI',
        limit: limits.maxCellChars,
        detail: `Một ô của bảng tính dài hơn ${vi(limits.maxCellChars)} ký tự`,
      });
    if (lt < 0) return;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    from = gt + 1;
  }
}

function csvRows(bytes: Uint8Array, limits: SheetLimits): string[][] {
  if (bytes.length > limits.maxCsvBytes)
    refuse({
      problem: 'FILE_TOO_LARGE',
      code: 'TEP_QUA_LON',
      limit: limits.maxCsvBytes,
      detail: `Tệp CSV lớn ${formatBytesVi(bytes.length)}, vượt giới hạn ${formatBytesVi(limits.maxCsvBytes)}`,
    });
  let text: string;
  try {
    text =
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? new TextDecoder('utf-16le', { fatal: true }).decode(bytes)
        : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse({
      problem: 'VALIDATION_FAILED',
      code: 'KHONG_PHAI_UTF8',
      detail: 'Tệp CSV không ở bảng mã Unicode: hãy lưu lại với "CSV UTF-8 (Comma delimited)"',
    });
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    const rows = parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      max_record_size: limits.maxCellChars * 4,
      to_line: limits.maxRows + 2,
      skip_empty_lines: true,
    }) as string[][];
    if (rows.length > limits.maxRows + 1)
      refuse({
        problem: 'FILE_UNPROCESSABLE',
        code: 'QUA_NHIEU_DONG',
        limit: limits.maxRows,
        detail: `Tệp CSV có hơn ${vi(limits.maxRows)} dòng, vượt giới hạn mỗi lần nhập`,
      });
    checkColumns(rows, limits, 'Tệp CSV');
    return rows;
  } catch (e) {
    if (e instanceof Refused) throw e;
    const err = e as { code?: string; lines?: number };
    const where = err.lines ? `dòng ${vi(err.lines)}: ` : '';
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      refuse({
        problem: 'FILE_UNPROCESSABLE',
        code: 'O_QUA_DAI',
        limit: limits.maxCellChars,
        detail: `Tệp CSV, ${where}một dòng dài quá mức cho phép`,
      });
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      refuse({
        problem: 'VALIDATION_FAILED',
        code: 'CSV_SAI_DINH_DANG',
        detail: `Tệp CSV, ${where}dấu ngoặc kép (") mở mà không đóng`,
      });
    return refuse({
      problem: 'VALIDATION_FAILED',
      code: 'CSV_SAI_DINH_DANG',
      detail: `Tệp CSV không đọc được (${where}sai định dạng)`,
    });
  }
}

/**
 * The separator offices' spreadsheets wrote: ',' or ';' (Excel in some locales) or a tab — the one that splits
 * the first lines into the same number of fields as the header, more than one.
 */
function delimiterOf(text: string): string {
  const lines = text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim() !== '');
  const fields = (line: string, d: string) => line.replace(/"[^"]*"/g, '').split(d).length;
  let best = { d: ',', score: -1 };
  for (const d of [',', ';', '\t']) {
    const header = fields(lines[0] ?? '', d);
    const score = header > 1 ? lines.filter((l) => fields(l, d) === header).length * 100 + header : 0;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

function regulationImport(fileName: string, bytes: Uint8Array) {
  try {
    const r = importRegulation({ fileName, bytes });
    return { qcmd: r.qcmd, report: r.report as unknown as Record<string, unknown> };
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    const tooLarge =
      e.code === 'TEP_GIAI_NEN_QUA_LON' ||
      e.code === 'TI_LE_NEN_BAT_THUONG' ||
      e.code === 'TONG_GIAI_NEN_QUA_LON' ||
      e.code === 'QUA_NHIEU_TEP_TRONG_GOI' ||
      e.code === 'TEP_QUA_LON';
    return refuse({
      problem: tooLarge ? 'FILE_TOO_LARGE' : 'VALIDATION_FAILED',
      code: e.code,
      detail: e.message,
      ...(e.limit !== undefined ? { limit: e.limit } : {}),
    });
  }
}
