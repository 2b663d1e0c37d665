import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const srcRoot = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The server's pure code the web may use (ARCHITECTURE.md): `@kernel/…` is src/kernel, `@domain/<module>` a
 * module's pure face, src/modules/<module>/domain/index.ts. Nothing else of src/ has an alias. Mirrored by
 * `paths` in web/tsconfig.json; web/vitest.config.ts uses the same list.
 */
export const serverAliases = [
  { find: /^@kernel\//, replacement: `${srcRoot}/kernel/` },
  { find: /^@domain\/([a-z-]+)$/, replacement: `${srcRoot}/modules/$1/domain/index.ts` },
];

// Back-office front end: built into dist/web, served by the Fastify server for every non-/api path.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: { alias: serverAliases },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600, // antd's shared core is ~540 kB minified (~180 kB gzip)
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: {
    // Keep the browser's Host header: the server refuses writes whose Origin names another host.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
