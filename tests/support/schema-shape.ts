/**
 * The shape of a schema as the parity test compares it (tests/integration/pg/schema-parity.test.ts): per table the
 * columns in order (name, a type family, NOT NULL, DEFAULT), the primary key, the other indexes and unique constraints by
 * column set, the foreign keys and the number of CHECK constraints; read from a real SQLite database (PRAGMAs) and a
 * real PostgreSQL one (the catalogs), in the same terms.
 */
import type Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { isBooleanColumn } from '../../src-main/store/migrations-pg'

export type Family = 'integer' | 'text' | 'real' | 'blob' | 'boolean'

export interface ColumnShape {
  name: string
  family: Family
  notNull: boolean
  /** the DEFAULT expression, normalised: `''`, `0`, `false`, `'[]'`; null for none */
  default: string | null
}

export interface TableShape {
  columns: ColumnShape[]
  primaryKey: string[]
  /** every index and unique constraint but the primary key: `unique(a,b)`, `index(c) partial`, `index(d) gin` */
  indexes: string[]
  /** the indexes created by name (SQLite: CREATE INDEX; PostgreSQL: every index not backing a constraint) */
  named: Record<string, string>
  /** `(a,b)->table(x,y)` */
  foreignKeys: string[]
  /** CHECK constraints, without SQLite's `col IN (0, 1)` on columns that are boolean in PostgreSQL */
  checks: number
}

export interface SchemaShape {
  tables: Map<string, TableShape>
  /** SQLite's virtual tables (FTS5), whose shadow tables are left out */
  virtual: Set<string>
}

function signature(kind: string, cols: readonly string[], partial: boolean, method = 'btree'): string {
  return `${kind}(${cols.join(',')})${partial ? ' partial' : ''}${method === 'btree' ? '' : ' ' + method}`
}

const FTS5_SHADOW = ['data', 'idx', 'content', 'docsize', 'config']

function sqliteFamily(table: string, column: string, declared: string): Family {
  const t = declared.toUpperCase()
  if (t === 'INTEGER') return isBooleanColumn(table, column) ? 'boolean' : 'integer'
  if (t === 'REAL') return 'real'
  if (t === 'BLOB') return 'blob'
  if (t === 'TEXT' || t === '') return 'text' // FTS5 columns have no declared type
  throw new Error(`${table}.${column}: unexpected SQLite type ${declared}`)
}

/** The shape of an SQLite database's schema. */
export function sqliteShape(db: Database.Database): SchemaShape {
  const all = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as {
    name: string
    sql: string
  }[]
  const virtual = new Set(all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name))
  const shadow = new Set([...virtual].flatMap((v) => FTS5_SHADOW.map((s) => `${v}_${s}`)))
  const tables = new Map<string, TableShape>()
  for (const { name, sql: text } of all.filter((t) => !shadow.has(t.name))) {
    const info = db.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as {
      name: string
      type: string
      notnull: number
      dflt_value: string | null
      pk: number
    }[]
    const columns = info.map((c) => {
      const family = sqliteFamily(name, c.name, c.type)
      const flagDefault = family === 'boolean' && c.dflt_value !== null ? (c.dflt_value === '1' ? 'true' : 'false') : null
      return { name: c.name, family, notNull: c.notnull === 1 || c.pk > 0, default: flagDefault ?? c.dflt_value }
    })
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
    const indexes: string[] = []
    const named: Record<string, string> = {}
    const list = db.prepare(`PRAGMA index_list(${JSON.stringify(name)})`).all() as {
      name: string
      unique: number
      origin: string
      partial: number
    }[]
    for (const ix of list.filter((i) => i.origin !== 'pk')) {
      const cols = (db.prepare(`PRAGMA index_info(${JSON.stringify(ix.name)})`).all() as { name: string | null }[]).map(
        (c) => c.name ?? '(expression)'
      )
      const sig = signature(ix.unique ? 'unique' : 'index', cols, ix.partial === 1)
      indexes.push(sig)
      if (ix.origin === 'c') named[ix.name] = sig
    }
    const fkRows = db.prepare(`PRAGMA foreign_key_list(${JSON.stringify(name)})`).all() as {
      id: number
      table: string
      from: string
      to: string
    }[]
    const fks = new Map<number, { table: string; from: string[]; to: string[] }>()
    for (const r of fkRows) {
      const fk = fks.get(r.id) ?? { table: r.table, from: [], to: [] }
      fk.from.push(r.from)
      fk.to.push(r.to)
      fks.set(r.id, fk)
    }
    const flagChecks = [...(text ?? '').matchAll(/CHECK \((\w+) IN \(0, 1\)\)/g)].filter((m) => isBooleanColumn(name, m[1]!)).length
    tables.set(name, {
      columns,
      primaryKey,
      indexes: indexes.sort(),
      named,
      foreignKeys: [...fks.values()].map((f) => `(${f.from.join(',')})->${f.table}(${f.to.join(',')})`).sort(),
      checks: [...(text ?? '').matchAll(/\bCHECK\s*\(/gi)].length - flagChecks
    })
  }
  return { tables, virtual }
}

function pgFamily(table: string, column: string, type: string): Family {
  if (['bigint', 'integer', 'smallint'].includes(type)) return 'integer'
  if (type === 'text' || type.startsWith('character varying')) return 'text'
  if (type === 'boolean') return 'boolean'
  if (type === 'bytea') return 'blob'
  if (['real', 'double precision'].includes(type)) return 'real'
  throw new Error(`${table}.${column}: unexpected PostgreSQL type ${type}`)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
type AnyDb = Kysely<any>

/** The shape of a PostgreSQL database's public schema. */
export async function pgShape(db: AnyDb): Promise<SchemaShape> {
  const names = (
    await sql<{ name: string }>`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`.execute(
      db
    )
  ).rows.map((r) => r.name)
  const tables = new Map<string, TableShape>()
  for (const name of names) {
    const rel = `public.${name}`
    const cols = await sql<{ name: string; type: string; notnull: boolean; default: string | null }>`
      SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
             pg_get_expr(d.adbin, d.adrelid) AS default
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = ${rel}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`.execute(db)
    const ixs = await sql<{
      name: string
      unique: boolean
      primary: boolean
      partial: boolean
      method: string
      cols: string[]
      constraint: boolean
    }>`
      SELECT i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary, x.indpred IS NOT NULL AS partial,
             am.amname AS method,
             ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS cols,
             EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) AS constraint
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
       WHERE x.indrelid = ${rel}::regclass`.execute(db)
    const fks = await sql<{ cols: string[]; target: string; refs: string[] }>`
      SELECT ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS cols,
             c.confrelid::regclass::text AS target,
             ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS refs
        FROM pg_constraint c WHERE c.conrelid = ${rel}::regclass AND c.contype = 'f'`.execute(db)
    const checks = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = ${rel}::regclass AND contype = 'c'`.execute(db)
    const named: Record<string, string> = {}
    const indexes: string[] = []
    for (const ix of ixs.rows.filter((i) => !i.primary)) {
      const sig = signature(ix.unique ? 'unique' : 'index', ix.cols, ix.partial, ix.method)
      indexes.push(sig)
      if (!ix.constraint) named[ix.name] = sig
    }
    tables.set(name, {
      columns: cols.rows.map((c) => ({
        name: c.name,
        family: pgFamily(name, c.name, c.type),
        notNull: c.notnull,
        default: c.default?.replace(/::text$/, '') ?? null
      })),
      primaryKey: ixs.rows.find((i) => i.primary)?.cols ?? [],
      indexes: indexes.sort(),
      named,
      foreignKeys: fks.rows.map((f) => `(${f.cols.join(',')})->${f.target}(${f.refs.join(',')})`).sort(),
      checks: checks.rows[0]!.n
    })
  }
  return { tables, virtual: new Set() }
}
