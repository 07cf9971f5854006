#!/usr/bin/env node
// `npm run bench`: every benchmark, figures printed.
// Options: --only api|load|national|regulation|live|tasks|reviews|plans|cells|assessment|web,
// --duration S (API runs, default 10), --scale F (people = 5.6 million × F, default 0.02).
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1] : null;
})();
execSync('node scripts/build.mjs --if-missing', { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
console.log(
  `Máy: ${cpus().length} lõi ${cpus()[0]?.model ?? ''}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.version}, ${new Date().toISOString()}`,
);
if (!only || only === 'regulation') (await import('./regulation.bench.mjs')).run();
if (!only || only === 'api') await (await import('./api-subtree.bench.mjs')).runApiBench();
if (!only || only === 'load') {
  const { runLoadBench } = await import('./api-load.bench.mjs');
  await runLoadBench({ usePg: false });
  await runLoadBench({ usePg: true });
}
if (!only || only === 'national') await (await import('./national.bench.mjs')).runNationalBench();
if (!only || only === 'live') await (await import('./meeting-live.bench.mjs')).runLiveBench();
if (!only || only === 'tasks') await (await import('./task-dashboard.bench.mjs')).runDashboardBench();
if (!only || only === 'reviews') await (await import('./review.bench.mjs')).runReviewBench();
if (!only || only === 'plans') (await import('./plan-similarity.bench.mjs')).runPlanSimilarityBench();
if (!only || only === 'cells') await (await import('./cells.bench.mjs')).runCellsBench();
if (!only || only === 'assessment') await (await import('./assessment.bench.mjs')).runAssessmentBench();
if (!only || only === 'web') await (await import('./web-load.bench.mjs')).runWebLoadBench();
