/**
 * Rendition throughput on the same 21 filled documents (one per template): the chromium route batched (all
 * documents in one page load and one print) against one document per print, and the libreoffice route (all
 * documents in one soffice call). Browser launch / first soffice start are measured separately and a warm-up
 * render runs before the timed one.
 *   tsx bench/rendition.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import PizZip from 'pizzip'
import { openHome } from '../src-main/store/home'
import { createContext, today } from '../src-main/services/context'
import { call } from '../src-main/services'
import { loadManifest } from '../src-main/drafting/catalogue'
import { buildContext } from '../src-main/services/draft-context'
import { renderDocx } from '../src-main/drafting/render'
import { createRenditioner, findChromium, libreOfficeAvailable, type RenditionDoc } from '../src-main/pdf/rendition'
import { emit } from './lib'

type TemplateType = ReturnType<typeof loadManifest>['manifest']['types'][number]

function sampleFields(type: TemplateType, overrides: Record<string, unknown> = {}): Record<string, unknown> {
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
  const fields = Object.fromEntries(
    type.fields.map((f) => [
      f.key,
      f.type === 'list' ? [1, 2, 3].map(() => Object.fromEntries((f.item ?? []).map((s) => [s.key, v(s.type, s.key)]))) : v(f.type, f.key)
    ])
  )
  return { ...fields, ...overrides }
}

export interface FilledSample extends RenditionDoc {
  type: string
  title: string
  number: string
  /** the party's name where the document prints it, else '' */
  partyName: string
  /** the form's closing line about its copies (本文书一式两份…), printed at the end of every form */
  copies: string
  /** whether the template prints the document number */
  showsNumber: boolean
}

/**
 * Sample-filled DOCX documents drafted from templates/ with the demo data of a temporary home (the same autofill
 * context as real drafting). `specs` picks templates (repeats allowed), each with its own document number and
 * optional field overrides; default: every template once.
 */
export async function filledSamples(specs?: { type: string; fields?: Record<string, unknown> }[]): Promise<FilledSample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-rendition-'))
  try {
    const home = await openHome(dir)
    try {
      const ctx = createContext(home, { actor: 'bench' })
      await call(ctx, 'demo.load', { cases: 3 })
      const caseId = (await call(ctx, 'cases.list', { status: ['investigating'], limit: 1 })).items[0]!.id
      const { dir: tdir, manifest } = loadManifest()
      const types = new Map(manifest.types.map((t) => [t.id, t]))
      const list: { type: string; fields?: Record<string, unknown> }[] = specs ?? manifest.types.map((t) => ({ type: t.id }))
      const t = today(ctx)
      const c = (await buildContext(home.store, caseId, t))!
      return list.map((spec, i) => {
        const type = types.get(spec.type)
        if (!type) throw new Error(`unknown template ${spec.type}`)
        const template = readFileSync(join(tdir, `${type.id}.docx`))
        const number = `（江）应急${type.prefix}〔2026〕${101 + i}号`
        const docx = renderDocx(template, { ...c, f: sampleFields(type, spec.fields), doc: { number, date: t } })
        return {
          id: `${type.id}#${i + 1}`,
          docx: new Uint8Array(docx),
          type: type.id,
          title: type.title,
          number,
          partyName: documentXml(template).includes('{party.name}') ? String((c.party as { name?: string } | null)?.name ?? '') : '',
          copies: type.copies ?? '',
          showsNumber: documentXml(template).includes('{doc.number}')
        }
      })
    } finally {
      home.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** the document XML of a DOCX (templates are stored deflated) */
function documentXml(docx: Uint8Array): string {
  return new PizZip(docx).file('word/document.xml')?.asText() ?? ''
}

async function measure(kind: 'chromium' | 'libreoffice', batchSize: number, docs: FilledSample[], label: string) {
  const t0 = performance.now()
  const r = await createRenditioner(kind, { batchSize })
  try {
    await r.render(docs.slice(0, 1)) // warm-up: first page load / soffice profile creation
    const launchMs = performance.now() - t0
    const t1 = performance.now()
    const out = await r.render(docs)
    const ms = performance.now() - t1
    emit({
      bench: 'rendition',
      route: label,
      batchSize,
      documents: docs.length,
      renditions: out.size,
      seconds: Math.round(ms) / 1000,
      renditionsPerSecond: Math.round((docs.length / (ms / 1000)) * 100) / 100,
      startupAndWarmupMs: Math.round(launchMs)
    })
  } finally {
    await r.close()
  }
}

export async function runRenditionBench(): Promise<void> {
  const docs = await filledSamples()
  if (findChromium()) {
    await measure('chromium', docs.length, docs, 'chromium-batched')
    await measure('chromium', 1, docs, 'chromium-one-per-print')
  } else emit({ bench: 'rendition', route: 'chromium', skipped: 'no Chromium / Chrome / Edge found' })
  if (libreOfficeAvailable()) await measure('libreoffice', docs.length, docs, 'libreoffice')
  else emit({ bench: 'rendition', route: 'libreoffice', skipped: 'soffice not found' })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runRenditionBench()
}
