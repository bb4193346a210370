/**
 * Drafting throughput: for every document type, N renders through CaseBinder's path (autofill context,
 * document checks, safe-parser rendering) next to bare docxtemplater (its expressions parser, same formatters)
 * rendering the same template and data, in the same run.
 *   tsx bench/drafting.ts [--n 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import PizZip from 'pizzip'
import Docxtemplater from 'docxtemplater'
import { openHome } from '../src-main/store/home'
import { createContext, today } from '../src-main/services/context'
import { call } from '../src-main/services'
import { loadManifest } from '../src-main/drafting/catalogue'
import { buildContext } from '../src-main/services/draft-context'
import { renderDocx } from '../src-main/drafting/render'
import { checkDocument } from '../src-main/core/document-checks'
import { emit, time, timeAsync } from './lib'
import expressionParser from 'docxtemplater/expressions.js'
import { FORMATTER_FUNCTIONS } from '../src-main/core/formatters'

// bare docxtemplater with its own expressions parser (angular-expressions) and the same formatters as filters,
// so both sides resolve every path, loop and formatter
for (const [name, fn] of Object.entries(FORMATTER_FUNCTIONS)) {
  ;(expressionParser as unknown as { filters: Record<string, unknown> }).filters[name] = fn
}

function sample(type: ReturnType<typeof loadManifest>['manifest']['types'][number]): Record<string, unknown> {
  const v = (t: string, k: string): unknown =>
    t === 'date'
      ? '2026-11-24'
      : t === 'datetime'
        ? '2026-11-24T09:00'
        : t === 'money' || t === 'number'
          ? 20000
          : t === 'boolean'
            ? false
            : t === 'citation'
              ? '《中华人民共和国安全生产法》第二十八条第一款'
              : `示例${k}`
  return Object.fromEntries(
    type.fields.map((f) => [
      f.key,
      f.type === 'list' ? [1, 2, 3].map(() => Object.fromEntries((f.item ?? []).map((s) => [s.key, v(s.type, s.key)]))) : v(f.type, f.key)
    ])
  )
}

export async function runDraftingBench(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-draft-'))
  try {
    const home = await openHome(dir)
    const ctx = createContext(home, { actor: 'bench' })
    await call(ctx, 'demo.load', { cases: 20 })
    const caseId = (await call(ctx, 'cases.list', { status: ['investigating'], limit: 1 })).items[0]!.id
    const { dir: tdir, manifest } = loadManifest()
    let oursTotal = 0
    let bareTotal = 0
    for (const type of manifest.types) {
      const bytes = readFileSync(join(tdir, `${type.id}.docx`))
      const fields = sample(type)
      const t = today(ctx)
      const ours = await timeAsync(async () => {
        for (let i = 0; i < n; i++) {
          const c = (await buildContext(home.store, caseId, t))!
          checkDocument(type, fields, { today: t, date: t, agency: null, party: null, officers: c.officers, violation: null })
          renderDocx(bytes, { ...c, f: fields, doc: { number: '（江）应急测〔2026〕1号', date: t } })
        }
      })
      const data = { ...(await buildContext(home.store, caseId, t))!, f: fields, doc: { number: '（江）应急测〔2026〕1号', date: t } }
      const bare = time(() => {
        for (let i = 0; i < n; i++) {
          const doc = new Docxtemplater(new PizZip(bytes), {
            paragraphLoop: true,
            linebreaks: true,
            errorLogging: false,
            nullGetter: () => '',
            parser: expressionParser
          })
          doc.render(data)
          doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' })
        }
      })
      oursTotal += ours.ms
      bareTotal += bare.ms
      emit({
        bench: 'drafting.type',
        type: type.id,
        renders: n,
        oursPerSecond: Math.round(n / (ours.ms / 1000)),
        bareDocxtemplaterPerSecond: Math.round(n / (bare.ms / 1000)),
        overhead: Math.round((ours.ms / bare.ms - 1) * 1000) / 10 + '%'
      })
    }
    emit({
      bench: 'drafting.all',
      types: manifest.types.length,
      rendersPerType: n,
      oursPerSecond: Math.round((n * manifest.types.length) / (oursTotal / 1000)),
      bareDocxtemplaterPerSecond: Math.round((n * manifest.types.length) / (bareTotal / 1000)),
      overhead: Math.round((oursTotal / bareTotal - 1) * 1000) / 10 + '%'
    })
    home.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('drafting.ts')) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } })
  await runDraftingBench(Number(values.n))
}
