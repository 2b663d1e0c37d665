import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { serverAliases } from './vite.config.ts';

// Unit tests of the front end's pure helpers (formats, menu filtering, unit tree, audit diff).
// Run: npx vitest run --config web/vitest.config.ts (or list this file in the root vitest projects).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: serverAliases },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    env: { TZ: 'UTC' },
  },
});
