/** `casebinder evidence`: evidence, signed scans and A/V records (证据与音像). */
import type { Command } from 'commander'
import { contract } from '../../contract'
import type { Door } from '../run'
import type { Printer } from '../output'
import { baseName, pick, readFile } from '../args'

const fields = contract['evidence.add'].input.shape

type EvidenceOpts = {
  case: string
  file: string
  kind: string
  type?: string
  description?: string
  document?: string
  collectedAt?: string
  collector?: string
  place?: string
  json?: boolean
}

export function registerEvidence(program: Command, { run }: Door, out: Printer): void {
  program
    .command('evidence')
    .description('evidence, signed scans and A/V records (证据与音像)')
    .command('add')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--file <path>', 'the file (JPEG, PNG, PDF, MP4, MOV, MP3, WAV, AVI)')
    .option('--kind <kind>', 'evidence | scan | av', 'evidence')
    .option('--type <type>', '证据种类 (书证, 物证, 视听资料, 电子数据, 证人证言, 当事人的陈述, 鉴定意见, 勘验笔录、现场笔录)')
    .option('--description <text>', 'what it is')
    .option('--document <id>', 'for a scan: the issued document it is the signed original of')
    .option('--collected-at <time>', 'when it was collected')
    .option('--collector <name>')
    .option('--place <text>')
    .option('--json', 'print JSON')
    .action(async (o: EvidenceOpts) => {
      const bytes = readFile(o.file, 'EVIDENCE_INVALID')
      const e = await run('evidence.add', {
        caseId: Number(o.case),
        kind: pick(fields.kind, o.kind, '--kind'),
        ...(o.type ? { evidenceType: pick(fields.evidenceType, o.type, '--type') } : {}),
        description: o.description ?? baseName(o.file),
        ...(o.document ? { documentId: Number(o.document) } : {}),
        ...(o.collectedAt ? { collectedAt: o.collectedAt } : {}),
        collector: o.collector ?? '',
        place: o.place ?? '',
        fileName: baseName(o.file),
        base64: bytes.toString('base64')
      })
      if (o.json) return out.json(e)
      out.line(`已登记（编号 ${e.id}）：${e.fileName}  sha256 ${e.sha256.slice(0, 16)}…`)
    })
}
