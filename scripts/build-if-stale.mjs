#!/usr/bin/env node
/** Build (electron-vite build) when out/ is missing or older than any source file it is built from. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const marker = join(root, 'out/renderer/index.html')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const sources = ['src-renderer', 'src-main', 'resources'].map((d) => join(root, d)).filter(existsSync)
const stale =
  !existsSync(marker) || Math.max(...sources.map(newest), statSync(join(root, 'package.json')).mtimeMs) > statSync(marker).mtimeMs
if (stale) {
  console.error('[build] sources changed since the last build: running electron-vite build')
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
