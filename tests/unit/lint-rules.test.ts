// The structure rules bite: a planted layer violation, a planted cycle, SQL in a service and an oversized
// file each fail `npm run lint` (same config, same ESLint), and scripts/import-cycles.mjs finds the planted cycle.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
// @ts-expect-error: plain ESM script without types
import { cycles, importGraph } from '../../scripts/import-cycles.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// the planted files exist only as text: the type-aware promise rules (which need the file in a TypeScript project)
// are off here; the layer, cycle, SQL and size rules under test are the product's own
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: resolve(ROOT, 'scripts/eslint.config.js'),
  ignore: false,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off'
    }
  }
})

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (r?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('lint: the layer map', () => {
  it('refuses a core module importing the store', async () => {
    const found = await ruleIds("import { openDb } from '../store/db'\nexport const x = openDb\n", 'src-main/core/planted.ts')
    expect(found).toContainEqual(expect.stringMatching(/^layers\/imports: Layer 'core' may not import layer 'store'/))
  })

  it('refuses a door reaching past the services registry', async () => {
    const found = await ruleIds("import { findCase } from '../store/repos/cases'\nexport const x = findCase\n", 'src-main/cli/planted.ts')
    expect(found).toEqual([expect.stringMatching(/^layers\/imports: Layer 'cli' may not import layer 'store'/)])
    const viaService = await ruleIds("import { today } from '../services/context'\nexport const x = today\n", 'src-main/cli/planted.ts')
    expect(viaService).toEqual([expect.stringMatching(/Layer 'cli' may not import layer 'services'/)])
  })

  it('refuses the renderer importing services, and allows contract and core', async () => {
    const bad = await ruleIds(
      "import { invoke } from '../../../src-main/services'\nexport const x = invoke\n",
      'src-renderer/src/api/planted.ts'
    )
    expect(bad.some((m) => m.startsWith("layers/imports: Layer 'renderer' may not import layer 'registry'"))).toBe(true)
    const good = await ruleIds(
      "import { CHANNELS } from '../../../src-main/contract'\nimport { addDays } from '../../../src-main/core/dates'\nexport const x = [CHANNELS, addDays]\n",
      'src-renderer/src/api/planted.ts'
    )
    expect(good).toEqual([])
  })

  it('lets a door import the registry and a service import the store', async () => {
    expect(await ruleIds("import { invoke } from '../services'\nexport const x = invoke\n", 'src-main/cli/planted.ts')).toEqual([])
    expect(
      await ruleIds("import { findCase } from '../store/repos/cases'\nexport const x = findCase\n", 'src-main/services/planted.ts')
    ).toEqual([])
  })
})

describe('lint: cycles, SQL and size', () => {
  it('refuses the planted import cycle', async () => {
    const [a] = await eslint.lintFiles([resolve(ROOT, 'tests/fixtures/lint/cycle-a.ts')])
    expect(a!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
  })

  it('the cycle script finds the planted cycle and none in the product', () => {
    const graph = importGraph(ROOT) as Map<string, string[]>
    expect(cycles(graph)).toEqual([])
    const planted = new Map([
      ['/x/a.ts', ['/x/b.ts']],
      ['/x/b.ts', ['/x/c.ts']],
      ['/x/c.ts', ['/x/a.ts']],
      ['/x/d.ts', ['/x/a.ts']]
    ])
    expect(cycles(planted)).toEqual([['/x/a.ts', '/x/b.ts', '/x/c.ts']])
  })

  it('refuses SQL in a service', async () => {
    const found = await ruleIds(
      "import type { Db } from '../store/db'\nexport const n = (db: Db) => db.prepare('SELECT 1').get()\n",
      'src-main/services/planted.ts'
    )
    expect(found).toEqual([expect.stringMatching(/^no-restricted-syntax: No SQL in services/)])
    const viaExec = await ruleIds(
      "import type { Db } from '../store/db'\nexport const n = (ctx: { home: { db: Db } }) => ctx.home.db.exec('DELETE FROM x')\n",
      'src-main/services/planted.ts'
    )
    expect(viaExec).toEqual([expect.stringMatching(/^no-restricted-syntax: No SQL in services/)])
    // a regular expression's exec is not SQL
    expect(await ruleIds('export const m = (s: string) => /(\\d+)/.exec(s)\n', 'src-main/services/planted.ts')).toEqual([])
  })

  it('refuses a file over 500 lines', async () => {
    const code = Array.from({ length: 501 }, (_, i) => `export const v${i} = ${i}`).join('\n') + '\n'
    const found = await ruleIds(code, 'src-main/core/planted.ts')
    expect(found).toEqual([expect.stringMatching(/^max-lines:/)])
  })
})
