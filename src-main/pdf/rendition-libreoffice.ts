/**
 * The libreoffice route: `soffice --headless --convert-to pdf`, all documents of a batch in one call, with a
 * private profile (-env:UserInstallation) and, on Linux, a fontconfig file in a temp folder.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  AbortError,
  checkAbort,
  checkIds,
  chunks,
  RenditionError,
  Serial,
  type ProgressFn,
  type RenditionDoc,
  type Renditioner
} from './rendition-shared'

/**
 * Linux only: fontconfig prefers TrueType open fonts for the Chinese families of the templates (as the chromium
 * route's CSS does), instead of whatever the system substitutes (often Noto Sans CJK for every family).
 */
const LO_ALIASES: [string[], string[]][] = [
  [
    ['SimSun', '宋体', 'NSimSun', '新宋体', 'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', '方正小标宋简体', '华文中宋'],
    ['AR PL UMing CN']
  ],
  [['SimHei', '黑体', 'Microsoft YaHei', '微软雅黑'], ['WenQuanYi Zen Hei']],
  [
    ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312'],
    ['AR PL UKai CN', 'AR PL UMing CN']
  ]
]
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const LO_FONTCONFIG = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${LO_ALIASES.flatMap(([names, prefer]) => names.map((n) => `  <alias binding="same"><family>${xmlText(n)}</family><prefer>${prefer.map((p) => `<family>${xmlText(p)}</family>`).join('')}</prefer></alias>`)).join('\n')}
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`

export class LibreOfficeRenditioner implements Renditioner {
  readonly name = 'libreoffice' as const
  private serial = new Serial()
  private closed = false
  private home: string | null = null

  constructor(
    private soffice: string,
    private batchSize: number,
    private timeoutMs?: number
  ) {}

  /** a private LibreOffice profile (and fontconfig file), created on first use and removed by close() */
  private profile(): string {
    if (!this.home) {
      this.home = mkdtempSync(join(tmpdir(), 'casebinder-lo-profile-'))
      mkdirSync(join(this.home, 'user'))
      if (process.platform !== 'win32' && process.platform !== 'darwin' && existsSync('/etc/fonts/fonts.conf')) {
        writeFileSync(join(this.home, 'fonts.conf'), LO_FONTCONFIG)
      }
    }
    return this.home
  }

  render(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
    return this.serial.run(() => this.renderNow(docs, onProgress, signal))
  }

  private async renderNow(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
    if (this.closed) throw new RenditionError('渲染器已关闭')
    checkIds(docs)
    const out = new Map<string, Uint8Array>()
    let done = 0
    for (const batch of chunks(docs, this.batchSize)) {
      checkAbort(signal)
      const work = mkdtempSync(join(tmpdir(), 'casebinder-lo-'))
      try {
        const inDir = join(work, 'in')
        const outDir = join(work, 'out')
        mkdirSync(inDir)
        mkdirSync(outDir)
        // file names we choose: ids may hold any characters
        const names = batch.map((d, i) => {
          const name = `d${String(i).padStart(4, '0')}.docx`
          writeFileSync(join(inDir, name), d.docx)
          return name
        })
        await this.convert(
          names.map((n) => join(inDir, n)),
          outDir,
          batch.length,
          signal
        )
        checkAbort(signal)
        batch.forEach((d, i) => {
          const pdfPath = join(outDir, names[i]!.replace(/\.docx$/, '.pdf'))
          if (!existsSync(pdfPath)) throw new RenditionError(`LibreOffice 未能转换文书 ${d.id}`, d.id)
          out.set(d.id, new Uint8Array(readFileSync(pdfPath)))
          onProgress?.(++done, docs.length, d.id)
        })
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    }
    return out
  }

  private convert(inputs: string[], outDir: string, n: number, signal?: AbortSignal): Promise<void> {
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(this.profile(), 'user')).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--norestore',
      '--nofirststartwizard',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      ...inputs
    ]
    return new Promise<void>((resolve, reject) => {
      const fontconfig = join(this.profile(), 'fonts.conf')
      const env = existsSync(fontconfig) ? { ...process.env, FONTCONFIG_FILE: fontconfig } : process.env
      const child = spawn(this.soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env })
      let stderr = ''
      child.stdout.on('data', () => undefined)
      child.stderr.on('data', (b: Buffer) => {
        if (stderr.length < 4000) stderr += b.toString()
      })
      let why: Error | null = null
      const kill = (err: Error) => {
        why = err
        child.kill('SIGKILL')
      }
      const onAbort = () => kill(new AbortError())
      signal?.addEventListener('abort', onAbort, { once: true })
      const timer = setTimeout(() => kill(new RenditionError('LibreOffice 转换超时')), this.timeoutMs ?? 60_000 + 10_000 * n)
      child.on('error', (err) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        reject(why ?? new RenditionError(`无法启动 LibreOffice：${err.message}`))
      })
      child.on('close', (code) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        if (why) reject(why)
        else if (code !== 0) reject(new RenditionError(`LibreOffice 转换失败（退出码 ${code}）：${stderr.trim().slice(0, 500)}`))
        else resolve()
      })
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.serial.run(async () => {
      if (this.home) rmSync(this.home, { recursive: true, force: true })
      this.home = null
    })
  }
}
