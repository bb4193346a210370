/**
 * `npm run bench`: every benchmark, JSON lines on stdout (one object per measurement).
 * Set BENCH_QUICK=1 for a small smoke run.
 */
import { runSearchBench } from './search'
import { runDraftingBench } from './drafting'
import { runDossierBench } from './dossier'
import { runRenditionBench } from './rendition'
import { runEnginesBench } from './engines'
import { runServerBench } from './server'

const quick = process.env.BENCH_QUICK === '1'
await runSearchBench({ cases: quick ? 5000 : 100_000, listCases: 10_000 })
// the case-list page at 10k cases, as the issue asks, separately from the 100k search corpus
await runSearchBench({ cases: quick ? 2000 : 10_000, listCases: 10_000 })
await runDraftingBench(quick ? 20 : Number(process.env.BENCH_DRAFTING_N ?? 1000))
await runRenditionBench()
await runDossierBench(quick ? 5 : 50, quick ? 10 : 100)
await runEnginesBench(quick ? 100 : 500, 20)
// the bureau server over HTTP: 20 client processes, on SQLite and on PostgreSQL in the same run
await runServerBench(20, quick ? 10 : 50)
