import { register } from 'node:module'
import { defineConfig } from '@playwright/test'

// let the in-process harness load src-main's JSON imports under Node's ESM loader (see the hook's comment)
register('./e2e/json-import-hook.mjs', import.meta.url)

/**
 * E2E: the real renderer (out/renderer, built by `electron-vite build`) in Debian Chromium, talking to the
 * real services through the browser harness. Each test starts its own harness on a fresh temp home (a SQLite desk
 * home, or with CASEBINDER_E2E_ENGINE=postgres a server home on a database of its own).
 * Never run `npx playwright install`: the system Chromium is used.
 */
export default defineConfig({
  testDir: './e2e',
  // CASEBINDER_E2E_ENGINE=postgres (scripts/e2e-postgres.mjs): the same specs on PostgreSQL server homes
  globalSetup: './e2e/pg-setup.ts',
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  }
})
