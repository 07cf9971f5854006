import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@quyche/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // The core's modules only declare things (labels, dates, schemas); the web uses a few of them, so the rest
    // (regulation engine, Zod schemas) is left out of the bundle.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]core[\\/]src[\\/]/.test(id) && !/[\\/]node_modules[\\/](zod|yaml)[\\/]/.test(id) } },
  },
});
