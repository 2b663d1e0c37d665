import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The pure cores (src/kernel and every module's domain/) have no I/O, no environment, no clock, no
 * randomness. dependency-cruiser (`npm run lint`) enforces the imports; this test also catches the globals
 * that an import rule cannot see, and proves that the lint refuses a deep import across modules.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const list = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
const MODULES = readdirSync(path.join(SRC, 'modules'));
const PURE_ROOTS = [path.join(SRC, 'kernel'), ...MODULES.map((m) => path.join(SRC, 'modules', m, 'domain')).filter((d) => existsSync(d))];
const pureFiles = PURE_ROOTS.flatMap(list);
const domainFaces = MODULES.map((m) => path.join(SRC, 'modules', m, 'domain', 'index.ts'));

describe('the kernel and the modules’ domains are pure', () => {
  it('has files to check', () => {
    expect(pureFiles.length).toBeGreaterThan(30);
  });

  it.each(pureFiles.map((f) => path.relative(ROOT, f)))('%s', (file) => {
    const full = path.join(ROOT, file);
    const source = readFileSync(full, 'utf8');
    expect(source).not.toMatch(/\bnew Date\(\)|\bDate\.now\(|\bprocess\.|\brequire\(|Math\.random|\bfetch\(|\bsetTimeout\(/);
    const home = PURE_ROOTS.find((r) => full.startsWith(r + path.sep))!;
    // import/export … from '…' statements and dynamic import('…'), not the word "from" in code or strings
    for (const m of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2])!;
      expect(spec.startsWith('.'), `${file} imports package ${spec}`).toBe(true);
      const target = path.resolve(path.dirname(full), spec).replace(/\.js$/, '.ts');
      const allowed = target.startsWith(home + path.sep) || target.startsWith(path.join(SRC, 'kernel') + path.sep) || domainFaces.includes(target);
      expect(allowed, `${file} imports ${spec}: outside its domain, the kernel and other domains' faces`).toBe(true);
    }
  });
});

describe('configuration is read once', () => {
  const all = list(SRC).map((f) => path.relative(SRC, f));
  it('only the CLI entry hands process.env to the config parser', () => {
    const readers = all.filter((f) => /process\.env/.test(readFileSync(path.join(SRC, f), 'utf8')));
    expect(readers.sort()).toEqual(['platform/cli/main.ts']);
  });
});

describe('the dependency rules (.dependency-cruiser.cjs)', () => {
  // A scratch tree shaped like src/, with the real rules: one deep import across modules, one through the face.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thads-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const cruise = (file: string) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), file, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      cwd: dir, encoding: 'utf8', timeout: 60_000,
    });
    return JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  };
  cpSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }));
  write('src/modules/statistics/app/months.ts', 'export const months = 12;\n');
  write('src/modules/statistics/index.ts', "export { months } from './app/months.js';\n");
  write('src/modules/statistics/domain/rates.ts', 'export const rate = 1;\n');
  write('src/modules/statistics/domain/index.ts', "export { rate } from './rates.js';\n");
  write('src/modules/cases/app/deep.ts', "import { months } from '../../statistics/app/months.js';\nexport const n = months;\n");
  write('src/modules/cases/app/faced.ts', "import { months } from '../../statistics/index.js';\nexport const n = months;\n");
  write('src/modules/cases/domain/impure.ts', "import { months } from '../../statistics/index.js';\nexport const n = months;\n");
  write('src/modules/cases/domain/pure.ts', "import { rate } from '../../statistics/domain/index.js';\nexport const n = rate;\n");
  write('src/kernel/leaky.ts', "import { months } from '../modules/statistics/index.js';\nexport const n = months;\n");

  it('refuses a deep import across modules', () => {
    const v = cruise('src/modules/cases/app/deep.ts').summary.violations;
    expect(v.map((x) => x.rule.name)).toContain('modules-meet-through-their-faces');
  });
  it('accepts the same import through the module’s face', () => {
    expect(cruise('src/modules/cases/app/faced.ts').summary.violations).toEqual([]);
  });
  it('keeps a domain pure: another module’s full face is refused, its pure domain face accepted', () => {
    expect(cruise('src/modules/cases/domain/impure.ts').summary.violations.map((x) => x.rule.name)).toContain('domain-is-pure');
    expect(cruise('src/modules/cases/domain/pure.ts').summary.violations).toEqual([]);
  });
  it('keeps the kernel free of modules', () => {
    expect(cruise('src/kernel/leaky.ts').summary.violations.map((x) => x.rule.name)).toContain('kernel-is-pure');
  });
});
