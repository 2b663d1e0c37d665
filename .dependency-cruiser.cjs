/**
 * Dependency rules (ARCHITECTURE.md). `npm run lint` fails on any violation; `npm test` runs it, and
 * test/unit/architecture.test.ts proves that a deep import across modules fails it.
 *
 *   src/kernel/                 pure pieces every module and the web may use (calendar, text, errors)
 *   src/platform/               config, database and migrations, clock, audit log, HTTP app and access hook, CLI
 *   src/modules/<name>/         one capability: domain/ (pure), app/ (use cases), infra/, http/, cli/,
 *                               index.ts (its public face) and domain/index.ts (the pure part of that face)
 */
const MODULE_FACES = ['^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/domain/index\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'kernel-is-pure',
      comment: 'src/kernel imports nothing outside itself: no database, HTTP, fs, env or packages doing I/O.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { pathNot: '^src/kernel/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        "A module's domain/ imports only its own domain, the kernel, and the pure face (domain/index.ts) of another module's domain.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/domain/' },
      to: { pathNot: ['^src/modules/$1/domain/', '^src/kernel/', '^src/modules/[^/]+/domain/index\\.ts$'] },
    },
    {
      name: 'modules-meet-through-their-faces',
      comment:
        "A module reaches another only through its index.ts (or the pure domain/index.ts): the rest of a module is private, so it can change without touching the others.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', ...MODULE_FACES] },
    },
    {
      name: 'platform-uses-module-faces',
      comment: 'The platform (runtime, HTTP app, CLI entry) wires modules through their public faces only.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/', pathNot: MODULE_FACES },
    },
    {
      name: 'migrations-are-frozen',
      comment: 'Migrations never import application code (they must run the same forever).',
      severity: 'error',
      from: { path: '^src/platform/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/platform/db/migrations/' },
    },
    {
      name: 'use-cases-do-not-know-adapters',
      comment: 'Use cases are called by HTTP routes and CLI commands alike; domain, app and infra never import either.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/(domain|app|infra)/' },
      to: { path: ['^src/modules/[^/]+/(http|cli)/', '^src/platform/(http|cli)/'] },
    },
    {
      name: 'no-circular',
      comment: 'No cycle of run-time imports (type-only imports are erased and cannot form one at run time).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
