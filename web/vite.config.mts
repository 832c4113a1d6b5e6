import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 transforms with oxc: JSX for Preact through its automatic runtime, no babel preset needed.
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything in files: the server's CSP allows no inline script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npx vite web` during development: API and socket.io from the running embedded app.
    proxy: Object.fromEntries(
      ['/auth', '/me', '/messages', '/institutions', '/groups', '/absences', '/meals', '/moderation', '/deliveries', '/admin/queues', '/socket.io'].map((p) => [p, { target: 'http://localhost:3000', ws: p === '/socket.io' }]),
    ),
  },
});
