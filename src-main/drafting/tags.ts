/**
 * The safe tag language of CaseBinder templates. A tag is a dotted path with optional formatters:
 *   {party.name}   {f.fine | amountCn}   {f.note | default:"无"}   {$n} (1-based loop index)
 * Nothing is evaluated: the path is looked up in the scope chain and the named formatters are applied.
 * Anything else is a syntax error, so a template can never run code (docxtemplater's security advice).
 */
import { FORMATTERS } from '../core/templates'
import { FORMATTER_FUNCTIONS } from '../core/formatters'

export interface ParsedTag {
  path: string[]
  formatters: { name: string; arg?: string }[]
}

const PATH = /^(\$n|\$index|[A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const FORMATTER = /^([A-Za-z]+)(?:\s*:\s*"([^"]*)")?$/

export class TagSyntaxError extends Error {}

export function parseTag(raw: string): ParsedTag {
  const parts = raw.split('|').map((p) => p.trim())
  const head = parts[0] ?? ''
  if (head === '.') return { path: [], formatters: [] }
  if (!PATH.test(head)) throw new TagSyntaxError(`标签“${raw}”不是有效的字段路径（只允许字母、数字、下划线和点）`)
  const formatters = parts.slice(1).map((p) => {
    const m = FORMATTER.exec(p)
    if (!m) throw new TagSyntaxError(`标签“${raw}”中的格式“${p}”写法不正确`)
    if (!(FORMATTERS as readonly string[]).includes(m[1]!)) throw new TagSyntaxError(`标签“${raw}”使用了未知的格式“${m[1]}”`)
    return m[2] === undefined ? { name: m[1]! } : { name: m[1]!, arg: m[2] }
  })
  return { path: head.split('.'), formatters }
}

interface ScopeManager {
  scopeList: unknown[]
  scopePathItem?: number[]
}

interface ParserContext {
  scopeList?: unknown[]
  scopePathItem?: number[]
  num?: number
}

function lookup(path: string[], scopes: unknown[], indexes: number[]): unknown {
  if (path[0] === '$n' || path[0] === '$index') {
    const i = indexes.at(-1)
    return i === undefined ? undefined : path[0] === '$n' ? i + 1 : i
  }
  // innermost scope first, like docxtemplater's default parser
  for (let s = scopes.length - 1; s >= 0; s--) {
    let cur: unknown = scopes[s]
    let ok = true
    for (const seg of path) {
      if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg))
        cur = (cur as Record<string, unknown>)[seg]
      else {
        ok = false
        break
      }
    }
    if (ok) return cur
  }
  return undefined
}

/** docxtemplater `parser` option. */
export function safeParser(tag: string) {
  const parsed = parseTag(tag)
  return {
    get(scope: unknown, context: ParserContext & { scopeManager?: ScopeManager }) {
      if (parsed.path.length === 0) return scope
      const scopes = context.scopeList ?? context.scopeManager?.scopeList ?? [scope]
      const indexes = context.scopePathItem ?? context.scopeManager?.scopePathItem ?? []
      let value = lookup(parsed.path, scopes, indexes)
      for (const f of parsed.formatters) value = FORMATTER_FUNCTIONS[f.name]!(value, f.arg)
      return value
    }
  }
}
