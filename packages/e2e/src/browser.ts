import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium (the `chromium` package); playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env['QUYCHE_CHROMIUM'] ?? '/usr/bin/chromium';

export function chromiumUnavailableReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `không có Chromium tại ${CHROMIUM} (cài gói Debian "chromium")`;
  if (process.env['CI'] === 'true') throw new Error(`CI=true nhưng ${reason}`);
  console.warn(`[bỏ qua kiểm thử trình duyệt] ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
