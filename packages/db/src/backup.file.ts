import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * The backup file. Version 2 (written today) is gzipped JSON lines, so that millions of rows stream in both
 * directions:
 *   {"format":"quyche-backup","version":2,"createdAt":…,"migrations":[…],"driver":…}   header
 *   {"table":"organization","columns":["id",…],"types":["uuid",…]}                     a table starts
 *   ["0196…","ORG-AL",…]                                                               a row: text forms, bytea in
 *                                                                                      base64, null
 *   {"end":"organization","rows":122}                                                  the table ends
 *   {"done":{"organization":122,…}}                                                    the file is complete
 * Version 1 (one JSON document with every table) is still read.
 */
export const BACKUP_FORMAT = 'quyche-backup';
export const BACKUP_VERSION = 2;

/** A backup that cannot be read or restored: the message is one Vietnamese sentence for the user. */
export class BackupFormatError extends Error {
  readonly code = 'BACKUP_INVALID';
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1 | 2;
  createdAt: string;
  migrations: string[];
  driver?: string;
}

export type BackupEvent =
  | { kind: 'table'; table: string; columns: string[] }
  /** v2: text forms (bytea in base64) or null; v1: the JSON values of version 1, converted on restore. */
  | { kind: 'row'; table: string; values: unknown[] }
  | { kind: 'end'; table: string; rows: number }
  | { kind: 'done'; counts: Record<string, number> };

export const NOT_A_BACKUP = 'Tệp không phải bản sao lưu Quychế';
const PREFIX = `{"format":"${BACKUP_FORMAT}"`;

/** Opens a backup file: its header, then its tables and rows as they stream out of the file. */
export async function openBackupFile(
  file: string,
): Promise<{ header: BackupHeader; events: AsyncGenerator<BackupEvent>; close: () => Promise<void> }> {
  let gz: boolean;
  const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new BackupFormatError(
      `Không mở được tệp sao lưu ${file}: ${e.code === 'ENOENT' ? 'tệp không tồn tại' : e.message}`,
    );
  });
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    gz = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
  const raw = createReadStream(file);
  let source: Readable = raw;
  if (gz) {
    // pipe() does not pass on a read error: hand it to gunzip, whose iteration then fails instead of waiting.
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    source = raw.pipe(gunzip);
  }
  const lines = splitLines(source, () => {
    raw.destroy();
    source.destroy();
  });
  const close = async () => void (await lines.return(undefined));
  try {
    const first = await lines.next();
    if (first.done) throw new BackupFormatError(`${NOT_A_BACKUP}: tệp rỗng`);
    const header = parseHeader(first.value.text);
    const events = header.version === 1 ? versionOne(first.value.text, lines) : versionTwo(lines);
    return { header, events, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function parseHeader(line: string): BackupHeader {
  if (!line.startsWith(PREFIX)) throw new BackupFormatError(`${NOT_A_BACKUP} (thiếu phần đầu "${BACKUP_FORMAT}")`);
  let h: Partial<BackupHeader> & { tables?: unknown };
  try {
    // Version 1 is one line holding the whole backup: its header is that document.
    h = JSON.parse(line);
  } catch {
    throw new BackupFormatError('Tệp sao lưu bị hỏng hoặc không đầy đủ (bị cắt cụt): phần đầu không đọc được');
  }
  if (h.version !== 1 && h.version !== 2)
    throw new BackupFormatError(
      `Bản sao lưu định dạng phiên bản ${String(h.version)}: phần mềm này đọc phiên bản 1 và 2`,
    );
  if (!Array.isArray(h.migrations) || typeof h.createdAt !== 'string')
    throw new BackupFormatError(`${NOT_A_BACKUP}: phần đầu thiếu thông tin lược đồ`);
  return {
    format: BACKUP_FORMAT,
    version: h.version,
    createdAt: h.createdAt,
    migrations: h.migrations.map(String),
    ...(h.driver ? { driver: String(h.driver) } : {}),
  };
}

async function* versionTwo(lines: AsyncGenerator<{ text: string; n: number }>): AsyncGenerator<BackupEvent> {
  let table: string | null = null;
  let width = 0;
  let rows = 0;
  const counts: Record<string, number> = {};
  for await (const { text, n } of lines) {
    if (text === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new BackupFormatError(`Tệp sao lưu bị hỏng ở dòng ${n}: không đọc được dữ liệu`);
    }
    if (Array.isArray(v)) {
      if (table === null || v.length !== width)
        throw new BackupFormatError(`Tệp sao lưu bị hỏng ở dòng ${n}: bản ghi không thuộc bảng nào hoặc sai số cột`);
      rows++;
      yield { kind: 'row', table, values: v };
      continue;
    }
    const o = (v ?? {}) as { table?: unknown; columns?: unknown; end?: unknown; rows?: unknown; done?: unknown };
    if (typeof o.table === 'string' && Array.isArray(o.columns) && table === null) {
      if (o.table in counts)
        throw new BackupFormatError(`Tệp sao lưu bị hỏng ở dòng ${n}: bảng ${o.table} xuất hiện hai lần`);
      table = o.table;
      width = o.columns.length;
      rows = 0;
      yield { kind: 'table', table, columns: o.columns.map(String) };
    } else if (typeof o.end === 'string' && o.end === table) {
      if (o.rows !== rows)
        throw new BackupFormatError(
          `Tệp sao lưu bị hỏng: bảng ${table} ghi ${String(o.rows)} bản ghi nhưng có ${rows}`,
        );
      counts[table] = rows;
      yield { kind: 'end', table, rows };
      table = null;
    } else if (o.done && typeof o.done === 'object' && table === null) {
      const done = o.done as Record<string, number>;
      for (const [t, c] of Object.entries(done)) {
        if (counts[t] !== c)
          throw new BackupFormatError(
            `Tệp sao lưu bị hỏng: phần kết thúc ghi bảng ${t} có ${c} bản ghi, trong tệp có ${counts[t] ?? 0}`,
          );
      }
      if (Object.keys(done).length !== Object.keys(counts).length)
        throw new BackupFormatError('Tệp sao lưu bị hỏng: phần kết thúc không khớp danh sách bảng');
      for await (const rest of lines)
        if (rest.text !== '')
          throw new BackupFormatError(`Tệp sao lưu bị hỏng ở dòng ${rest.n}: có dữ liệu sau phần kết thúc`);
      yield { kind: 'done', counts };
      return;
    } else throw new BackupFormatError(`Tệp sao lưu bị hỏng ở dòng ${n}: dòng không đúng cấu trúc`);
  }
  throw new BackupFormatError(
    `Tệp sao lưu không đầy đủ (bị cắt cụt): thiếu phần kết thúc${table ? `, dừng giữa bảng ${table}` : ''}. ` +
      'Hãy dùng một bản sao lưu khác',
  );
}

/** Version 1: the whole document on one line; bytea as `\x…` hex, JSON as values, dates as ISO strings. */
async function* versionOne(
  doc: string,
  lines: AsyncGenerator<{ text: string; n: number }>,
): AsyncGenerator<BackupEvent> {
  for await (const rest of lines)
    if (rest.text.trim() !== '')
      throw new BackupFormatError('Tệp sao lưu phiên bản 1 bị hỏng: có dữ liệu sau tài liệu JSON');
  const tables = (JSON.parse(doc) as { tables?: Record<string, Record<string, unknown>[]> }).tables;
  if (!tables || typeof tables !== 'object') throw new BackupFormatError(`${NOT_A_BACKUP}: thiếu phần dữ liệu`);
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(tables)) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    yield { kind: 'table', table, columns };
    for (const r of rows) yield { kind: 'row', table, values: columns.map((c) => r[c] ?? null) };
    counts[table] = rows.length;
    yield { kind: 'end', table, rows: rows.length };
  }
  yield { kind: 'done', counts };
}

/** Lines of a stream, decoded as UTF-8; a broken gzip stream becomes one clear Vietnamese error. */
async function* splitLines(stream: Readable, cleanup: () => void): AsyncGenerator<{ text: string; n: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  try {
    for await (const chunk of stream) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      // The first line decides whether this is a backup: do not read a large foreign file to its end.
      if (n === 0 && parts.length === 0 && rest.length >= PREFIX.length && !rest.startsWith(PREFIX))
        throw new BackupFormatError(`${NOT_A_BACKUP} (thiếu phần đầu "${BACKUP_FORMAT}")`);
      for (const p of parts) yield { text: p, n: ++n };
    }
  } catch (e) {
    if (e instanceof BackupFormatError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header|invalid/i.test((e as Error).message)) {
      throw new BackupFormatError(
        `Tệp sao lưu bị hỏng hoặc không đầy đủ (bị cắt cụt): giải nén gzip thất bại (${(e as Error).message})`,
      );
    }
    throw e;
  } finally {
    cleanup();
  }
  rest += decoder.end();
  if (rest !== '') yield { text: rest, n: ++n };
}
