import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Polls `cond` every 100 ms until it holds, or throws after `ms` (tests that watch a spawned thads). */
export async function waitFor(cond: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The process id in an embedded cluster's postmaster.pid (`<dataDir>/pg`), or null when it is not running. */
export function postmasterPidOf(dataDir: string): number | null {
  const f = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
}
