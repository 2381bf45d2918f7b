import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '.artifacts',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // Each test runs its own Chromium with the extension; the clipboard is the machine's, so one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
});
