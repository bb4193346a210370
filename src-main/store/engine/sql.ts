/**
 * Raw SQL through the query layer, for repository statements that read best as SQL: one text, positional `?` or
 * named `@name` parameters, run on either engine through Kysely's connection (so it joins the caller's open
 * transaction, and queues behind it on SQLite's one connection). PostgreSQL gets `$1, $2 …`; SQLite gets `?`.
 *
 * The text must mean the same on both engines (no INSERT OR IGNORE, no `flag = 1` against a boolean column, no
 * engine functions); where an engine needs its own feature the repository branches on `scope.engine`.
 */
import { CompiledQuery } from 'kysely'
import type { Engine, Scope } from './engine'

export type Params = readonly unknown[] | Readonly<Record<string, unknown>>

interface Compiled {
  text: string
  /** for named parameters: the name of each placeholder in order */
  names: string[] | null
}

const cache = new Map<string, Compiled>()

/**
 * Rewrite the placeholders outside quoted strings, quoted identifiers and comments: `?` and `@name` become `?`
 * (SQLite) or `$n` (PostgreSQL). A text mixes one style only.
 */
export function compileSql(engine: Engine, text: string): Compiled {
  const key = engine + '\u0000' + text
  const hit = cache.get(key)
  if (hit) return hit
  let out = ''
  let n = 0
  const names: string[] = []
  let positional = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1)
      const stop = end < 0 ? text.length : end
      out += text.slice(i, stop + 1)
      i = stop
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i)
      const stop = end < 0 ? text.length : end
      out += text.slice(i, stop)
      i = stop - 1
    } else if (ch === '?') {
      positional = true
      out += engine === 'postgres' ? `$${++n}` : '?'
    } else if (ch === '@' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))!
      names.push(m[0])
      out += engine === 'postgres' ? `$${++n}` : '?'
      i += m[0].length
    } else out += ch
  }
  if (positional && names.length) throw new Error(`SQL mixes ? and @name parameters: ${text.slice(0, 80)}`)
  const compiled = { text: out, names: names.length ? names : null }
  cache.set(key, compiled)
  return compiled
}

function bind(engine: Engine, c: Compiled, params: Params): unknown[] {
  let values: unknown[]
  if (c.names) {
    // a one-element array holding the object is the same object (the statement text was built at run time)
    const one = Array.isArray(params) && params.length === 1 && typeof params[0] === 'object' && params[0] !== null ? params[0] : params
    if (Array.isArray(one)) throw new Error('named SQL parameters need an object')
    const obj = one as Record<string, unknown>
    values = c.names.map((name) => {
      if (!(name in obj)) throw new Error(`missing SQL parameter @${name}`)
      return obj[name]
    })
  } else {
    if (!Array.isArray(params)) throw new Error('positional SQL parameters need an array')
    values = [...(params as unknown[])]
  }
  // better-sqlite3 takes no booleans (0/1 integers); PostgreSQL reads '1'/'0' into a boolean column as well
  return values.map((v) => (typeof v === 'boolean' && engine === 'sqlite' ? (v ? 1 : 0) : v === undefined ? null : v))
}

async function execute<R>(s: Scope, text: string, params: Params) {
  const c = compileSql(s.engine, text)
  return s.db.executeQuery<R>(CompiledQuery.raw(c.text, bind(s.engine, c, params)))
}

/** Every row. */
export async function all<R = unknown>(s: Scope, text: string, params: Params = []): Promise<R[]> {
  return (await execute<R>(s, text, params)).rows as R[]
}

/** The first row, or undefined. */
export async function get<R = unknown>(s: Scope, text: string, params: Params = []): Promise<R | undefined> {
  return (await execute<R>(s, text, params)).rows[0]
}

export interface RunResult {
  /** rows inserted, updated or deleted */
  changes: number
}

/** A statement without rows: the number of rows it changed. (For a new row's id, use `RETURNING id` with `get`.) */
export async function run(s: Scope, text: string, params: Params = []): Promise<RunResult> {
  const r = await execute(s, text, params)
  return { changes: Number(r.numAffectedRows ?? 0n) }
}

/** An INSERT of one row: the new row's generated key (`RETURNING key`, on both engines; `id` unless named). */
export async function insert(s: Scope, text: string, params: Params = [], key = 'id'): Promise<number> {
  const row = await get<Record<string, number | bigint>>(s, `${text.trimEnd()} RETURNING ${key}`, params)
  if (!row || row[key] === undefined) throw new Error(`INSERT … RETURNING ${key} returned no row`)
  return Number(row[key])
}

/**
 * `column IN (the values)` with one parameter, on either engine: SQLite reads a JSON array with json_each,
 * PostgreSQL takes an array (`= ANY`). Pass `listParam(s, values)` for the parameter.
 */
export function inList(s: Scope, column: string): string {
  return s.engine === 'postgres' ? `${column} = ANY(?)` : `${column} IN (SELECT value FROM json_each(?))`
}

export function listParam(s: Scope, values: readonly unknown[]): unknown {
  return s.engine === 'postgres' ? [...values] : JSON.stringify(values)
}

/** Case-insensitive LIKE (ASCII letters): SQLite's LIKE is; PostgreSQL's is ILIKE. */
export function ilike(s: Scope): string {
  return s.engine === 'postgres' ? 'ILIKE' : 'LIKE'
}
