import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The browser runs the same core package as the server, from its sources (no build order to respect).
export default defineConfig({
  root: source('.'),
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@chitieu\/core$/, replacement: source('../../packages/core/src/index.ts') }],
  },
  build: {
    outDir: source('dist/app'),
    emptyOutDir: true,
    // One chunk per page and per heavy library: the dashboard's first visit stays small.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
