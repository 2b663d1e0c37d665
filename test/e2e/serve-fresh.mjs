// Starts `thads serve` on an empty data folder for the browser tests, and removes the folder when the
// server stops. Used by playwright.config.ts as its webServer command.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
// Run as root with TMPDIR out of the postgres user's reach, a folder it can reach (/tmp); else os.tmpdir().
import { tmpdirForEmbedded } from '../../dist/server/platform/db/embedded-postgres.js';

// Always the embedded database on a fresh folder, even when the shell has a DATABASE_URL.
const { DATABASE_URL: _ignored, ...env } = process.env;
const dataDir = mkdtempSync(path.join(await tmpdirForEmbedded(), 'thads-e2e-'));
const child = spawn(process.execPath, ['bin/thads.js', 'serve'], {
  stdio: 'inherit',
  env: { ...env, THADS_DATA_DIR: dataDir },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
