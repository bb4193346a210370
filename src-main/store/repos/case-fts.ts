import type { Engine } from '../engine/engine'

/**
 * The full-text condition over cases_fts for a query. SQLite: three or more characters use the FTS5 trigram index
 * (MATCH on a quoted phrase), shorter ones scan the index table with LIKE (the trigram index cannot serve them).
 * PostgreSQL: ILIKE on the four columns, served by the pg_trgm GIN index (migrations-pg/003). Both match substrings,
 * ASCII letters case-insensitively, so they find the same cases.
 */
export function ftsMatch(q: string, engine: Engine = 'sqlite'): { where: string; params: string[] } {
  const text = q.trim()
  if (engine === 'sqlite' && [...text].length >= 3) return { where: 'cases_fts MATCH ?', params: ['"' + text.replace(/"/g, '""') + '"'] }
  const like = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
  const op = engine === 'postgres' ? 'ILIKE' : 'LIKE'
  return {
    where: '(' + ['name', 'cause', 'facts', 'parties'].map((col) => `${col} ${op} ? ESCAPE '\\'`).join(' OR ') + ')',
    params: [like, like, like, like]
  }
}
