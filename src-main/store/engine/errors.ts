/**
 * Driver errors that the store tells apart, on both engines: better-sqlite3's SqliteError carries an extended
 * result code (`SQLITE_CONSTRAINT_UNIQUE`), pg's DatabaseError a SQLSTATE (`23505`). Kysely passes both through.
 */

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

// driver codes, not CaseBinder's error codes (core/errors.ts): the services turn them into an AppError
const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])
const RETRYABLE_CONFLICT = new Set(['40001', '40P01'])
/** SQLite's RAISE(ABORT, …) in a trigger; PostgreSQL's refuse_change() trigger function (migrations-pg/002) */
const TRIGGER_REFUSAL = new Set(['SQLITE_CONSTRAINT_TRIGGER', '23001'])

/** A UNIQUE or PRIMARY KEY constraint refused the row. */
export function isUniqueViolation(err: unknown): boolean {
  return UNIQUE_VIOLATION.has(codeOf(err) ?? '')
}

/**
 * PostgreSQL gave up on the transaction because of a concurrent one and it may succeed if run again:
 * serialization_failure (40001, SERIALIZABLE or a row changed under FOR UPDATE) or deadlock_detected (40P01).
 */
export function isRetryableConflict(err: unknown): boolean {
  return RETRYABLE_CONFLICT.has(codeOf(err) ?? '')
}

/**
 * An immutability trigger refused the change (the append-only activity record, an issued document, a locked
 * dossier): the message is the trigger's, the same text on both engines.
 */
export function isTriggerRefusal(err: unknown): boolean {
  return TRIGGER_REFUSAL.has(codeOf(err) ?? '')
}

/** connection failures (Node's socket errors) and PostgreSQL's "the server is going away or not there" SQLSTATEs */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006'
])

/**
 * The database server cannot be reached or went away mid-call (PostgreSQL stopped, the network dropped): the call
 * did not complete and its transaction, if one was open, is rolled back by the server. Worth trying again later.
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (UNAVAILABLE.has(codeOf(err) ?? '')) return true
  const message = err instanceof Error ? err.message : ''
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|server closed the connection|the database system is (shutting down|starting up)/i.test(
    message
  )
}
