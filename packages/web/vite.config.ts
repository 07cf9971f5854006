import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * public/early.js, first in the page's head: it asks for the session and, on the home page, for the home page's
 * figures and files while the app's own scripts load, so that they do not wait one after the other. The home page's
 * files (its chunk and the chunks it imports that the entry does not already bring) are named on the script tag.
 */
function earlyRequests(): Plugin {
  return {
    name: 'quyche-early-requests',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const attrs: Record<string, string> = { src: '/early.js' };
        const bundle = ctx.bundle;
        if (bundle) {
          const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
          const byFile = new Map(chunks.map((c) => [c.fileName, c]));
          const closure = (start: string[], into = new Set<string>()) => {
            for (const f of start) {
              if (into.has(f)) continue;
              into.add(f);
              closure(byFile.get(f)?.imports ?? [], into);
            }
            return into;
          };
          const entry = chunks.find((c) => c.isEntry);
          const home = chunks.find(
            (c) => c.facadeModuleId !== null && /[\\/]features[\\/]home[\\/]home\.page\.tsx$/.test(c.facadeModuleId),
          );
          if (entry && home) {
            const loaded = closure([entry.fileName]);
            attrs['data-home'] = [...closure([home.fileName])]
              .filter((f) => !loaded.has(f))
              .map((f) => `/${f}`)
              .join(' ');
          }
        }
        return [{ tag: 'script', attrs, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), earlyRequests()],
  resolve: { alias: { '@quyche/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite's default: no chunk above 500 kB (minified). What the first paint needs is three files: the libraries
    // (vendor, about 450 kB: React, Mantine; 135 kB gzipped), the app's shell (index, about 35 kB) and
    // rolldown's runtime; bench/web-load.bench.mjs measures it (under 300 KB gzipped is the target).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      // The core's modules only declare things (labels, dates, schemas); the web uses a few of them, so the rest
      // (regulation engine, Zod schemas) is left out of the bundle.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]core[\\/]src[\\/]/.test(id) && !/[\\/]node_modules[\\/](zod|yaml)[\\/]/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            // ECharts' renderer (zrender) in a chunk of its own: both are loaded together, by the pages that draw
            // charts only, and neither is over the limit above.
            { name: 'zrender', test: /[\\/]node_modules[\\/]zrender[\\/]/ },
            // What the entry imports statically, in two files rather than the entry and six small shared chunks:
            // a browser asks a server for six files at a time, and the home page's own requests wait behind them.
            { name: 'vendor', tags: ['$initial'], test: /[\\/]node_modules[\\/]/ },
            { name: 'shell', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
