// The layer map, checked on every import (in the spirit of VS Code's `code-layering` rule).
// Each layer names the layers it may import; a relative import that resolves into any other layer is an error.
// Paths outside src-main and src-renderer (resources/*.json data, package.json) are not layers and stay allowed.
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const DOOR = ['contract', 'core', 'registry', 'version']

/** layer → the layers its files may import (a layer may always import itself) */
export const LAYERS = {
  core: [],
  contract: ['core'],
  store: ['core'],
  drafting: ['core'],
  pdf: ['core'],
  // the jobs runner and its interface: no services, so services can depend on it without a cycle
  jobs: ['core', 'contract'],
  // demo material: names, addresses and numbers generated from resources, no I/O
  demo: ['core'],
  version: [],
  services: ['core', 'contract', 'store', 'drafting', 'pdf', 'jobs', 'demo', 'version'],
  // the doors and process entries reach the backend only through the services registry
  // the Electron main process talks to the backend process through its client and protocol (no services loaded)
  electron: [...DOOR, 'backend'],
  harness: DOOR,
  // the CLI's `server` command starts the HTTP door (harness/bureau.ts)
  cli: [...DOOR, 'harness'],
  backend: DOOR,
  worker: DOOR,
  renderer: ['contract', 'core']
}

/** Which layer a file belongs to, or null when it is outside the layered tree. */
export function layerOf(file) {
  const rel = relative(ROOT, file)
    .split(sep)
    .join('/')
    .replace(/\.(ts|js|mjs|vue)$/, '')
    .replace(/\/index$/, '')
  if (rel === 'src-renderer' || rel.startsWith('src-renderer/')) return 'renderer'
  if (!rel.startsWith('src-main/')) return null
  const rest = rel.slice('src-main/'.length)
  if (rest === 'services') return 'registry'
  // the job worker thread's entry is a process entry like a door
  if (rest === 'jobs/worker') return 'worker'
  return rest.split('/')[0] ?? null
}

function allowed(from, to) {
  if (from === to) return true
  if (from === 'registry') return to === 'services' || LAYERS.services.includes(to)
  if (from === 'services' && to === 'registry') return false
  if (to === 'worker') return false
  const list = LAYERS[from]
  return list !== undefined && list.includes(to)
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer map (scripts/eslint-layers.js)' },
    schema: [],
    messages: {
      layer: "Layer '{{from}}' may not import layer '{{to}}' ({{spec}}). Allowed: {{allowed}}.",
      unknown: "'{{from}}' is not in the layer map (scripts/eslint-layers.js): add it with the layers it may import."
    }
  },
  create(context) {
    const file = context.filename ?? context.getFilename()
    const from = layerOf(file)
    if (from === null) return {}
    if (from !== 'registry' && !(from in LAYERS)) {
      return { Program: (node) => context.report({ node, messageId: 'unknown', data: { from } }) }
    }
    function check(node, source) {
      const spec = source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const target = resolve(dirname(file), spec)
      const to = layerOf(target)
      if (to === null || allowed(from, to)) return
      const list = from === 'registry' ? ['services', ...LAYERS.services] : (LAYERS[from] ?? [])
      context.report({ node, messageId: 'layer', data: { from, to, spec, allowed: [from, ...list].join(', ') } })
    }
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source)
    }
  }
}

export default { rules: { imports: rule } }
