import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemError } from '@quyche/core';

/**
 * DOCX → PDF through LibreOffice in a child process (never on the event loop), one conversion at a time (a profile
 * serves one instance), with a time limit. Where LibreOffice is not installed, a clear 503 points to the DOCX.
 */
export function sofficePath(): string | null {
  const given = process.env.QUYCHE_SOFFICE;
  if (given) return existsSync(given) ? given : null;
  return (
    ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ??
    null
  );
}

const TIME_LIMIT_MS = 120_000;
let queue: Promise<unknown> = Promise.resolve();
const profile = join(tmpdir(), `quyche-soffice-${process.pid}`);

export function docxToPdf(docx: Uint8Array): Promise<Buffer> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new ProblemError('PDF_UNAVAILABLE'));
  const job = queue.then(() => convert(soffice, docx));
  queue = job.catch(() => undefined);
  return job;
}

async function convert(soffice: string, docx: Uint8Array): Promise<Buffer> {
  await mkdir(profile, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'quyche-pdf-'));
  try {
    const input = join(dir, 'bao-cao.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: TIME_LIMIT_MS, maxBuffer: 1 << 20 },
        (err) =>
          err
            ? reject(
                new ProblemError('SERVER_BUSY', {
                  code: 'XUAT_PDF_LOI',
                  detail: 'Chưa chuyển được báo cáo sang PDF trong thời gian cho phép: hãy thử lại hoặc tải tệp DOCX',
                }),
              )
            : resolve(),
      );
    });
    const out = join(dir, 'bao-cao.pdf');
    if (!existsSync(out))
      throw new ProblemError('SERVER_BUSY', {
        code: 'XUAT_PDF_LOI',
        detail: 'LibreOffice không tạo được tệp PDF: hãy tải tệp DOCX',
      });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
