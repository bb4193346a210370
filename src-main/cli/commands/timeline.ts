/** `casebinder timeline`: one case's activity record (全过程记录) with chain verification, shown or exported. */
import type { Command } from 'commander'
import { z } from 'zod'
import { TIMELINE_KINDS } from '../../core/review-views'
import { writeFileAtomic } from '../../services'
import { caseIdOf, type Door } from '../run'
import type { Printer } from '../output'
import { collect, pickAll } from '../args'

export function registerTimeline(program: Command, door: Door, out: Printer): void {
  const { run } = door
  program
    .command('timeline <case>')
    .description("the case's activity record (全过程记录) with chain verification")
    .option('--json', 'print JSON')
    .option('--kind <k>', 'case | document | evidence | review | hearing | publicity | dossier', collect)
    .option('--export <file>', 'write CSV (or JSON when the file ends in .json)')
    .action(async (ref: string, o: { json?: boolean; kind?: string[]; export?: string }) => {
      const caseId = await caseIdOf(door, ref)
      if (o.export) {
        const f = await run('timelines.export', { caseId, format: o.export.endsWith('.json') ? 'json' : 'csv' })
        writeFileAtomic(o.export, f.content)
        return out.line(o.export)
      }
      const t = await run('timelines.show', { caseId, ...(o.kind ? { kinds: pickAll(z.enum(TIMELINE_KINDS), o.kind, '--kind') } : {}) })
      if (o.json) return out.json(t)
      out.line(
        `${t.caseName}${t.caseNumber ? `（${t.caseNumber}）` : ''}  ${t.entries.length}/${t.total} 条  校验：${t.chain.ok ? '通过' : `未通过（第${t.chain.firstBad?.seq}条：${t.chain.firstBad?.reason}）`}`
      )
      for (const e of t.entries)
        out.line(
          `${String(e.seq).padStart(6)}  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.actionLabel}  ${e.summary}  ${e.hash.slice(0, 12)}${e.verified ? '' : '  [未通过校验]'}`
        )
    })
}
