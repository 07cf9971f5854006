#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error(
    'Quychế chưa được biên dịch: hãy chạy `npm install` (hoặc `npm run build`) ở thư mục gốc. ' +
      '/ Not built yet: run `npm install`.',
  );
  process.exit(1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv);
