#!/usr/bin/env node
/**
 * Make sure better-sqlite3 is built for the runtime about to load it, and rebuild only when it is not.
 *   node scripts/ensure-native.mjs node       tests, CLI, harness (Node's ABI)
 *   node scripts/ensure-native.mjs electron   the desktop app (Electron's ABI)
 * The check is real: the runtime itself loads the module and opens an in-memory database.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = process.argv[2]
const quiet = process.argv.includes('--quiet')
const log = (m) => quiet || console.error(`[ensure-native] ${m}`)
const probe = "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get()"

function electronBinary() {
  const require = createRequire(join(root, 'package.json'))
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

function loads(cmd, env) {
  const r = spawnSync(cmd, ['-e', probe], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
  return { ok: r.status === 0, why: (r.stderr || '').split('\n').find((l) => /NODE_MODULE_VERSION|Error/.test(l)) ?? '' }
}

function run(cmd, args) {
  log(`${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: quiet ? 'ignore' : 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) {
    console.error(`[ensure-native] rebuild failed: ${cmd} ${args.join(' ')}`)
    process.exit(1)
  }
}

if (target === 'node') {
  let r = loads(process.execPath, {})
  if (r.ok) process.exit(0)
  log(`better-sqlite3 does not load in Node ${process.version} (${r.why.trim()}); rebuilding for Node`)
  run('npm', ['rebuild', 'better-sqlite3'])
  r = loads(process.execPath, {})
  if (!r.ok) {
    console.error(`[ensure-native] better-sqlite3 still does not load in Node: ${r.why}`)
    process.exit(1)
  }
} else if (target === 'electron') {
  const bin = electronBinary()
  if (!bin) {
    console.error(
      '[ensure-native] The Electron binary is not installed (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or the download failed).\n' +
        '  On a machine with internet: `npm rebuild electron` (or `npm ci`) downloads it.\n' +
        '  Without Electron, use the browser version: `npm run serve`.'
    )
    process.exit(1)
  }
  let r = loads(bin, { ELECTRON_RUN_AS_NODE: '1' })
  if (r.ok) process.exit(0)
  log(`better-sqlite3 does not load in Electron (${r.why.trim()}); rebuilding for Electron`)
  run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-rebuild', '-f', '-w', 'better-sqlite3'])
  r = loads(bin, { ELECTRON_RUN_AS_NODE: '1' })
  if (!r.ok) {
    console.error(`[ensure-native] better-sqlite3 still does not load in Electron: ${r.why}`)
    process.exit(1)
  }
} else {
  console.error('usage: node scripts/ensure-native.mjs node|electron [--quiet]')
  process.exit(2)
}
