/**
 * Errors are values. Every failure that crosses a front door (IPC, HTTP, CLI) is an AppError
 * with a stable code (tests and the UI switch on it) and a message in Simplified Chinese.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'AGENCY_NOT_CONFIGURED',
  'OFFICER_NOT_FOUND',
  'OFFICER_CERT_DUPLICATE',
  'OFFICER_STATE_UNCHANGED',
  'UNAUTHORIZED',
  'EXPORT_FAILED',
  'DEMO_NOT_EMPTY',
  'PARTY_NOT_FOUND',
  'PARTY_DUPLICATE',
  'CASE_NOT_FOUND',
  'CASE_TRANSITION_INVALID',
  'OFFICERS_TOO_FEW',
  'OFFICER_CERT_EXPIRED',
  'SUMMARY_LIMIT_EXCEEDED',
  'CALENDAR_IMPORT_INVALID',
  'DEADLINE_NOT_FOUND',
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_INVALID',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_NOT_DRAFT',
  'DOCUMENT_CHECK_FAILED',
  'DOCUMENT_REVISION_CONFLICT',
  'DOCUMENT_NUMBER_TAKEN',
  'EVIDENCE_INVALID',
  'EVIDENCE_DUPLICATE',
  'EVIDENCE_NOT_FOUND',
  'DOSSIER_LOCKED',
  'DOSSIER_INCOMPLETE',
  'RENDITION_FAILED',
  'SIGNING_FAILED',
  'VERIFY_FAILED',
  'JOB_CANCELLED',
  'AUDIT_CHAIN_BROKEN',
  'GATE_NOT_FILED',
  'GATE_NOTICE_NOT_SERVED',
  'GATE_WINDOW_OPEN',
  'GATE_HEARING_PENDING',
  'GATE_STATEMENT_NOT_REVIEWED',
  'GATE_REVIEW_REQUIRED',
  'GATE_REVIEW_NOT_APPROVED',
  'GATE_REVIEW_STALE',
  'GATE_DISCUSSION_REQUIRED',
  'GATE_PENALTY_ABOVE_NOTICE',
  'REVIEW_NOT_FOUND',
  'REVIEW_STATE_INVALID',
  'REVIEWER_INVALID',
  'HEARING_INVALID',
  'PUBLICITY_INVALID',
  'PUBLICITY_NOT_FOUND',
  'PUBLICITY_PERIOD',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** dotted path of the offending field, e.g. "creditCode" or "officers.0.certNo" */
  path: string
  message: string
}

export interface AppError {
  code: ErrorCode
  message: string
  details?: { issues?: FieldIssue[]; [key: string]: unknown }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** Thrown inside services and converted to a Result at the service boundary. */
export class AppErrorException extends Error {
  readonly appError: AppError
  constructor(appError: AppError) {
    super(`${appError.code}: ${appError.message}`)
    this.name = 'AppErrorException'
    this.appError = appError
  }
}

export function appError(code: ErrorCode, message: string, details?: AppError['details']): AppErrorException {
  return new AppErrorException(details ? { code, message, details } : { code, message })
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as AppError).code) &&
    typeof (value as AppError).message === 'string'
  )
}
