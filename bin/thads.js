#!/usr/bin/env node
// The `thads` command. The TypeScript sources are compiled to dist/server by `npm run build`
// (run automatically by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/platform/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('thads chưa được build. Chạy: npm run build\nthads is not built yet. Run: npm run build\n');
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
