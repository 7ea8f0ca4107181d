import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';

/** Debian's chromium (never a downloaded browser build): CHROMIUM_PATH or `which chromium`. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) {
    return process.env.CHROMIUM_PATH;
  }
  try {
    return execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
  } catch {
    return undefined;
  }
}

const yarn = 'node .yarn/releases/yarn-4.13.0.cjs';

/**
 * End-to-end tests start the real portal (frontend dev server + backend with SQLite and the demo catalog)
 * and drive it with headless chromium.
 */
export default defineConfig({
  timeout: 180_000,
  expect: { timeout: 90_000 },
  workers: 1,

  webServer: [
    {
      command: `${yarn} start backend`,
      url: 'http://localhost:7007/api/reliability/health',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${yarn} start app`,
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],

  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'e2e-test-report' }]],

  use: {
    actionTimeout: 0,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },

  outputDir: 'node_modules/.cache/e2e-test-results',
  projects: [{ name: 'app', testDir: 'packages/app/e2e-tests' }],
});
