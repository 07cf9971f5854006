#!/usr/bin/env node
// Builds the TypeScript packages (tsc -b) and the web app (Vite). With --if-missing, builds only what has
// no output yet, so `npm start` after `npm install` starts at once.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ifMissing = process.argv.includes('--if-missing');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
function stale(srcDirs, marker) {
  if (!existsSync(marker)) return true;
  if (ifMissing) return false;
  const built = statSync(marker).mtimeMs;
  return srcDirs.some((d) => existsSync(d) && newest(d) > built);
}
function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    console.error(`Lỗi khi chạy: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

const tscBin = join(root, 'node_modules/typescript/bin/tsc');
const viteBin = join(root, 'node_modules/vite/bin/vite.js');
if (!existsSync(tscBin)) {
  console.error('Chưa cài đặt thư viện: hãy chạy `npm install` trước.');
  process.exit(1);
}
const pkgs = ['core', 'db', 'server', 'cli'].map((p) => join(root, 'packages', p, 'src'));
if (!ifMissing || stale(pkgs, join(root, 'packages/cli/dist/index.js'))) {
  console.log('• Biên dịch TypeScript (tsc -b)…');
  run(process.execPath, [tscBin, '-b', 'packages/cli']);
}
const web = join(root, 'packages/web');
if (
  existsSync(join(web, 'index.html')) &&
  (!ifMissing || stale([join(web, 'src'), join(root, 'packages/core/src')], join(web, 'dist/index.html')))
) {
  // Vite only transpiles: the web app's types are checked here, so a type error stops the build.
  console.log('• Kiểm tra kiểu giao diện web (tsc)…');
  run(process.execPath, [tscBin, '-p', join(web, 'tsconfig.json')]);
  console.log('• Đóng gói giao diện web (vite build)…');
  run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], web);
}
