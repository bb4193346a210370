#!/usr/bin/env node
// Prints the import cycles under src-main and src-renderer (type-only imports included: they still tie modules
// together), one strongly connected component per block, and exits 1 when there is any.
// Usage: node scripts/import-cycles.mjs [--json]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TREES = ['src-main', 'src-renderer/src']
const EXTENSIONS = ['.ts', '.vue']

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

function scriptOf(file) {
  const text = readFileSync(file, 'utf8')
  if (!file.endsWith('.vue')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && EXTENSIONS.some((e) => candidate.endsWith(e))) return candidate
  }
  return null
}

/** file → the files of ours it imports */
export function importGraph(root = ROOT) {
  const files = TREES.flatMap((t) => (existsSync(join(root, t)) ? walk(join(root, t)) : []))
  const graph = new Map()
  for (const f of files) {
    const { importedFiles } = ts.preProcessFile(scriptOf(f), true, true)
    const deps = new Set()
    for (const i of importedFiles) {
      const target = resolveImport(f, i.fileName)
      if (target) deps.add(target)
    }
    graph.set(f, [...deps])
  }
  return graph
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
export function cycles(graph) {
  let index = 0
  const stack = []
  const onStack = new Set()
  const idx = new Map()
  const low = new Map()
  const out = []
  const strong = (v) => {
    idx.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v), low.get(w)))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)))
    }
    if (low.get(v) === idx.get(v)) {
      const comp = []
      let w
      do {
        w = stack.pop()
        onStack.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) strong(v)
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph()
  const found = cycles(graph)
  const rel = (f) => relative(ROOT, f)
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ files: graph.size, cycles: found.map((c) => c.map(rel)) }))
  } else {
    console.log(`${graph.size} files under ${TREES.join(', ')}; ${found.length} import cycle(s)`)
    for (const comp of found) {
      console.log(`\ncycle of ${comp.length} files:`)
      for (const f of comp) {
        const inCycle = (graph.get(f) ?? []).filter((d) => comp.includes(d)).map(rel)
        console.log(`  ${rel(f)} -> ${inCycle.join(', ')}`)
      }
    }
  }
  process.exit(found.length ? 1 : 0)
}
