import { defineConfig } from 'vitest/config';

// Two tiers run by vitest: pure unit tests (milliseconds, no I/O) and tests against a real PostgreSQL
// (integration and API through the real HTTP app). Browser journeys run under Playwright.
export default defineConfig({
  test: {
    env: { TZ: 'Asia/Ho_Chi_Minh' },
    projects: [
      // the front end's pure helpers (formats, menu filtering, unit tree, audit diff)
      'web/vitest.config.ts',
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/api/**/*.test.ts'],
          exclude: process.env.THADS_SKIP_LIFECYCLE ? ['test/integration/embedded-lifecycle.test.ts'] : [],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database cloned from a migrated template, so files run in parallel.
          pool: 'forks',
        },
      },
    ],
  },
});
