import { configDefaults, defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    // the engine tests need a PostgreSQL server: opt-in, `npm run test:pg` (tests/vitest.pg.config.ts)
    exclude: [...configDefaults.exclude, 'tests/integration/pg/**'],
    environment: 'node',
    // scrypt at N = 2^12 for the suite (passwords.ts allows it for tests only); one test uses the real default
    env: { CASEBINDER_KDF_LOG2N: '12' },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
