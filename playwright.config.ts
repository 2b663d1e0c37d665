import { defineConfig, devices } from '@playwright/test';

const PORT = 3311;
const baseURL = `http://127.0.0.1:${PORT}`;

// Browser tests of the back office against the real server on a fresh embedded database.
// Chromium comes from the system (/usr/bin/chromium); Playwright never downloads browsers here.
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  // One retry: on a loaded 2-core CI machine an antd animation can swallow a click. A journey that passes
  // only on its retry is reported as flaky in the output (and counted as passed); twice failed fails.
  retries: 1,
  reporter: 'list',
  // generous: password hashing (Argon2) is slow on a loaded CI machine
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build:web && node test/e2e/serve-fresh.mjs',
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
