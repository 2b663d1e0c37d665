import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The domain core is pure (style.md): no I/O, no environment, no clock, no randomness, and no import from
 * outside src/domain. dependency-cruiser (`npm run lint`) enforces the imports too; this test also catches
 * the globals that an import rule cannot see.
 */
const DOMAIN = path.resolve(import.meta.dirname, '../../src/domain');
const files = (readdirSync(DOMAIN, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('src/domain is pure', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s', (file) => {
    const source = readFileSync(path.join(DOMAIN, file), 'utf8');
    expect(source).not.toMatch(/\bnew Date\(\)|\bDate\.now\(|\bprocess\.|\brequire\(|Math\.random|\bfetch\(|\bsetTimeout\(/);
    // import/export … from '…' statements and dynamic import('…'), not the word "from" in code or strings
    for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2])!;
      expect(spec.startsWith('.'), `${file} imports package ${spec}`).toBe(true);
      const target = path.resolve(path.dirname(path.join(DOMAIN, file)), spec);
      expect(target.startsWith(DOMAIN + path.sep), `${file} imports ${spec} from outside src/domain`).toBe(true);
    }
  });
});

describe('configuration is read once', () => {
  const SRC = path.resolve(import.meta.dirname, '../../src');
  const all = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  it('only the CLI entry hands process.env to the config parser', () => {
    const readers = all.filter((f) => /process\.env/.test(readFileSync(path.join(SRC, f), 'utf8')));
    expect(readers.sort()).toEqual(['cli/main.ts']);
  });
});
