// The E2E specs once more, on PostgreSQL server homes (tests/e2e/pg-setup.ts starts a throwaway cluster, or uses
// CASEBINDER_TEST_DB). A script rather than `VAR=… playwright` so `npm test` runs the same on every platform.
import { spawnSync } from 'node:child_process'

const r = spawnSync('npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CASEBINDER_E2E_ENGINE: 'postgres' }
})
process.exit(r.status ?? 1)
