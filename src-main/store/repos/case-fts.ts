/**
 * The full-text condition for a query: three or more characters use the trigram index (MATCH on a quoted
 * phrase); shorter ones scan the index table with LIKE (the trigram index cannot serve them).
 */
export function ftsMatch(q: string): { where: string; params: string[] } {
  const text = q.trim()
  if ([...text].length >= 3) return { where: 'cases_fts MATCH ?', params: ['"' + text.replace(/"/g, '""') + '"'] }
  const like = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
  return {
    where: ['name', 'cause', 'facts', 'parties'].map((col) => `${col} LIKE ? ESCAPE '\\'`).join(' OR '),
    params: [like, like, like, like]
  }
}
