import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // The desk, and a browser caller page used by tests and demos (/caller.html).
    rollupOptions: { input: { desk: fileURLToPath(new URL('index.html', import.meta.url)), caller: fileURLToPath(new URL('caller.html', import.meta.url)) } },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8329', ws: true },
      '/sip': { target: 'ws://127.0.0.1:8329', ws: true },
      '/healthz': 'http://127.0.0.1:8329',
    },
  },
});
