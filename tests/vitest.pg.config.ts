// The opt-in engine tests (`npm run test:pg`): tests/integration/pg against SQLite and a real PostgreSQL, a
// throwaway cluster started by tests/support/pg-global-setup.ts or the server named by CASEBINDER_TEST_DB.
// Not part of `npm test` (tests/vitest.config.ts excludes the folder).
import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/integration/pg/**/*.test.ts'],
    globalSetup: ['tests/support/pg-global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000
  }
})
