#!/usr/bin/env node
// No line of code over 120 characters (Biome's line width): the formatter cannot break a long string or comment, so
// this check names the lines it left. `node scripts/check-lines.mjs [path …]`; exit 1 when any is found.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WIDTH = 120;
const paths = process.argv.slice(2);
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...paths], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !f.includes('/dist/') && !f.includes('/public/vendor/'));
const long = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    const n = [...line].length;
    if (n > WIDTH) long.push(`${f}:${i + 1}: ${n} ký tự`);
  });
}
for (const l of long.slice(0, 200)) console.log(l);
if (long.length) {
  console.log(`${long.length} dòng dài hơn ${WIDTH} ký tự${long.length > 200 ? ' (200 dòng đầu ở trên)' : ''}.`);
  process.exit(1);
}
console.log(`Không có dòng nào dài hơn ${WIDTH} ký tự (${files.length} tệp).`);
