/** `casebinder draft` and `casebinder documents`: drafting, checking, issuing and exporting documents (执法文书). */
import type { Command } from 'commander'
import { resolve } from 'node:path'
import { DOCUMENT_STATUS_LABELS } from '../../core/document-views'
import { writeFileAtomic } from '../../services'
import type { Door } from '../run'
import { fail, findingLine, type Printer } from '../output'
import { collect, parseSet } from '../args'

export function registerDocuments(program: Command, { run }: Door, out: Printer): void {
  const writeDocx = async (id: number | string, outFile: string) => {
    const f = await run('documents.file', { id })
    writeFileAtomic(resolve(outFile), Buffer.from(f.base64, 'base64'))
    return resolve(outFile)
  }

  program
    .command('draft')
    .description('draft a document for a case from its template (autofilled), optionally setting fields')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--type <type>', 'template id (see `templates list`)')
    .option('--set <field=value>', 'field value (repeatable; JSON for lists, numbers, booleans)', collect)
    .option('--out <file.docx>', 'also write the rendered draft')
    .option('--json', 'print JSON')
    .action(async (o: { case: string; type: string; set?: string[]; out?: string; json?: boolean }) => {
      const d = await run('documents.create', { caseId: Number(o.case), type: o.type, fields: parseSet(o.set) })
      const written = o.out ? await writeDocx(d.id, o.out) : null
      if (o.json) return out.json({ ...d, file: written })
      out.line(`已起草${d.title}（文书编号 ${d.id}）${written ? `：${written}` : ''}`)
      for (const f of d.findings) out.line(`  ${findingLine(f)}`)
    })

  const documents = program.command('documents').description('enforcement documents (执法文书)')
  documents
    .command('list')
    .requiredOption('--case <id>', 'case id')
    .option('--json', 'print JSON')
    .action(async (o: { case: string; json?: boolean }) => {
      const list = await run('documents.list', { caseId: o.case })
      if (o.json) return out.json(list)
      for (const d of list)
        out.line(
          `${String(d.id).padStart(5)}  ${DOCUMENT_STATUS_LABELS[d.status]}  ${d.title}${d.version > 1 ? `（第${d.version}版）` : ''}  ${d.number ?? ''}`
        )
    })
  documents
    .command('set')
    .argument('<docId>')
    .description('change fields of a draft')
    .requiredOption('--set <field=value>', 'field value (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(async (id: string, o: { set: string[]; json?: boolean }) => {
      const current = await run('documents.get', { id })
      const d = await run('documents.save', { id, revision: current.revision, fields: parseSet(o.set) })
      if (o.json) return out.json(d)
      out.line(`已保存第${d.revision}稿`)
      for (const f of d.findings) out.line(`  ${findingLine(f)}`)
    })
  documents
    .command('check')
    .argument('<docId>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const findings = await run('documents.check', { id })
      if (o.json) out.json(findings)
      else if (findings.length === 0) out.line('检查通过')
      else for (const f of findings) out.line(findingLine(f))
      const errors = findings.filter((f) => f.severity === 'error').length
      if (errors) fail('DOCUMENT_CHECK_FAILED', `${errors} error(s)`)
    })
  documents
    .command('issue')
    .argument('<docId>')
    .option('--date <date>', 'issue date (default today)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { date?: string; json?: boolean }) => {
      const d = await run('documents.issue', { id, ...(o.date ? { issuedOn: o.date } : {}) })
      if (o.json) return out.json(d)
      out.line(`已签发${d.title}${d.number ? `：${d.number}` : ''}`)
    })
  documents
    .command('void')
    .argument('<docId>')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, o: { reason: string }) => {
      const d = await run('documents.void', { id, reason: o.reason })
      out.line(`已作废${d.title}（${d.number ?? '无文号'}）`)
    })
  documents
    .command('correct')
    .argument('<docId>')
    .description('start a corrected new version of an issued document')
    .action(async (id: string) => {
      const d = await run('documents.correct', { id })
      out.line(`已新建更正版本（文书编号 ${d.id}）`)
    })
  documents
    .command('export')
    .argument('<docId>')
    .requiredOption('--out <file.docx>', 'destination')
    .action(async (id: string, o: { out: string }) => {
      out.line(await writeDocx(id, o.out))
    })
}
