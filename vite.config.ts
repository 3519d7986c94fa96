import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser app: index.html at the repo root, sources in src/web, output in dist/web
// (served by the Fastify server). In development `npx vite` proxies /api to the server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
