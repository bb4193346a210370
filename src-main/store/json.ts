/**
 * JSON columns are read through the zod schema (from core) of the shape they hold. A column that is not valid
 * JSON, or not that shape, is a corrupt or foreign row: the store refuses it with an error naming the table,
 * the column and the row, rather than hand the caller a value of the wrong shape. This is a bug or damage to
 * the home, not an expected error: it is not an AppError and reaches the doors as INTERNAL.
 */
import type { z } from 'zod'

/** Where a JSON value was read from: `id` is the row's key, in the column `key` (default `id`). */
export interface JsonColumn {
  table: string
  column: string
  id: string | number
  key?: string
}

export class StoreDataError extends Error {
  override readonly name = 'StoreDataError'
  readonly table: string
  readonly column: string
  readonly rowId: string | number

  constructor(where: JsonColumn, reason: string) {
    super(`corrupt row in ${where.table} (${where.key ?? 'id'} ${where.id}): column ${where.column} ${reason}`)
    this.table = where.table
    this.column = where.column
    this.rowId = where.id
  }
}

/** Parse a JSON column with its schema; throws StoreDataError naming the row when it is not JSON or not that shape. */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, where: JsonColumn): z.output<S> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new StoreDataError(where, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(value)'}: ${i.message}`)
    const more = parsed.error.issues.length > 3 ? `; and ${parsed.error.issues.length - 3} more` : ''
    throw new StoreDataError(where, `does not match its schema (${issues.join('; ')}${more})`)
  }
  return parsed.data
}
