/**
 * `casebinder dossier`, `export`, `archive` and `verify`: the case dossier (案卷), its signed PDF bundle, the archive
 * package, and checking either later. Export and archiving are the same jobs the desktop starts (`dossiers.export`,
 * `dossiers.archive`), with progress on stderr.
 */
import type { Command } from 'commander'
import { resolve } from 'node:path'
import { ArchiveResultSchema, BundleResultSchema } from '../../core/dossier-views'
import type { Door } from '../run'
import { endProgress, EXIT, fail, progressLine, type Printer } from '../output'
import { readFile } from '../args'

type SignerOpts = { cert?: string; passwordEnv?: string }

const signerOptions = (c: Command) =>
  c
    .option('--cert <file.p12>', "PKCS#12 signing certificate (default: the agency's configured one)")
    .option('--password-env <VAR>', 'environment variable holding the certificate password')

export function registerDossier(program: Command, { run, runJob }: Door, out: Printer): void {
  /** The certificate password, and a certificate named on the command line imported as the agency's. */
  const prepareSigning = async (o: SignerOpts): Promise<{ password?: string }> => {
    const password = o.passwordEnv ? process.env[o.passwordEnv] : undefined
    if (o.passwordEnv && password === undefined) fail('SIGNING_FAILED', `environment variable ${o.passwordEnv} is not set`)
    if (o.cert) {
      const p12 = readFile(o.cert, 'SIGNING_FAILED')
      await run('signing.import', { base64: p12.toString('base64'), password: password ?? '' })
    }
    return password === undefined ? {} : { password }
  }

  const dossier = program.command('dossier').description('the case dossier (案卷)')
  dossier
    .command('show')
    .argument('<case>', 'case id')
    .option('--json', 'print JSON')
    .action(async (caseId: string, o: { json?: boolean }) => {
      const v = await run('dossiers.show', { caseId })
      if (o.json) return out.json(v)
      out.line(`${v.caseName}${v.record?.locked ? `（已归档，归档号 ${v.record.archiveNumber}）` : ''}`)
      v.items.forEach((i, n) =>
        out.line(`${String(n + 1).padStart(3)}. ${i.title}  ${i.number}  ${i.date}${i.remarks ? `  [${i.remarks}]` : ''}`)
      )
    })
  dossier
    .command('check')
    .argument('<case>', 'case id')
    .option('--json', 'print JSON')
    .action(async (caseId: string, o: { json?: boolean }) => {
      const v = await run('dossiers.show', { caseId })
      if (o.json) out.json({ completeness: v.completeness, review: v.review })
      else {
        out.line(v.completeness.complete ? '案卷完整' : `案卷不完整：\n  ${v.completeness.missing.map((m) => m.message).join('\n  ')}`)
        for (const w of v.completeness.warnings) out.line(`  提示：${w}`)
        if (v.review.veto.length) out.line(`否决项：\n  ${v.review.veto.join('\n  ')}`)
        for (const i of v.review.items) out.line(`  ${i.criterion.padEnd(16, '　')} ${i.score}/${i.max}  ${i.note}`)
        out.line(`自查得分 ${v.review.score}，${v.review.grade}`)
      }
      if (!v.archiveReady) fail('DOSSIER_INCOMPLETE', 'the dossier cannot be archived yet')
    })

  signerOptions(
    program
      .command('export')
      .description('export the dossier as one PDF bundle (signed unless --no-sign)')
      .requiredOption('--case <id>', 'case id')
      .requiredOption('--out <bundle.pdf>', 'destination')
      .option('--no-sign', 'do not sign')
      .option('--json', 'print JSON')
  ).action(async (o: SignerOpts & { case: string; out: string; sign: boolean; json?: boolean }) => {
    const signing = o.sign ? await prepareSigning(o) : {}
    const job = await runJob('dossiers.export', { caseId: Number(o.case), outPath: resolve(o.out), sign: o.sign, ...signing }, progressLine)
    endProgress()
    if (o.json) return out.json(job.result)
    const r = BundleResultSchema.parse(job.result)
    out.line(`${r.path}：${r.items} 件，内容 ${r.contentPages} 页，共 ${r.totalPages} 页${o.sign ? '，已签名' : ''}`)
  })
  signerOptions(
    program
      .command('archive')
      .description('archive the dossier: a BagIt package with the signed bundle, originals and the activity record; locks the dossier')
      .requiredOption('--case <id>', 'case id')
      .requiredOption('--out <dir>', 'destination folder (must be new or empty)')
      .option('--json', 'print JSON')
  ).action(async (o: SignerOpts & { case: string; out: string; json?: boolean }) => {
    const signing = await prepareSigning(o)
    const job = await runJob('dossiers.archive', { caseId: Number(o.case), outDir: resolve(o.out), ...signing }, progressLine)
    endProgress()
    if (o.json) return out.json(job.result)
    const r = ArchiveResultSchema.parse(job.result)
    out.line(`已归档：${r.outDir}（归档号 ${r.archiveNumber}，保存期限${r.retention}，${r.pages} 页，${r.files} 个文件）`)
  })

  program
    .command('verify')
    .argument('<path>', 'a signed bundle (.pdf) or an archive package folder')
    .option('--fingerprint <sha256>', 'the expected signing certificate (SHA-256 fingerprint)')
    .option('--json', 'print JSON')
    .action(async (path: string, o: { fingerprint?: string; json?: boolean }) => {
      const r = await run('dossiers.verify', { path, expectedFingerprintSha256: o.fingerprint })
      if (o.json) out.json(r)
      else if (r.ok) out.line(`验证通过：${r.kind === 'package' ? `归档包 ${r.checked} 个文件与清单一致，` : ''}签名有效且覆盖整个文件`)
      else for (const p of r.problems) out.line(`✗ ${p}`)
      if (!r.ok) fail('VERIFY_FAILED', `${r.problems.length} problem(s)`, undefined, EXIT.verifyFailed)
    })
}
