/**
 * Errors are values. Every failure that crosses a front door (IPC, HTTP, CLI) is an AppError with a stable code
 * (tests and the UI switch on it) and a message in Simplified Chinese that names the particular case.
 *
 * Every code is registered here, once, under its area; `appError()` accepts only registered codes. Each code has
 * a zh-CN and an English text in the renderer's i18n (`i18n/errors.*.ts`, keyed by code), which the UI shows in
 * languages other than the server's. A new code: add it to its area here and to both message files
 * (the type checker and tests/unit/errors.test.ts insist).
 */
export const ERROR_CODES = {
  /** the doors and the contract: malformed input, unknown channel, refused caller, a bug */
  general: ['VALIDATION_FAILED', 'UNKNOWN_CHANNEL', 'UNAUTHORIZED', 'INTERNAL', 'SERVER_UNAVAILABLE'],
  /** signing in and the access rule of each channel (contract/access.ts) */
  auth: ['AUTH_REQUIRED', 'FORBIDDEN', 'AUTH_FAILED', 'AUTH_LOCKED', 'AUTH_INACTIVE', 'PASSWORD_WEAK'],
  /** the bureau server's door: too many sign-in attempts from one client address */
  server: ['RATE_LIMITED'],
  /** the agency's users: first-run setup, accounts */
  users: ['SETUP_DONE', 'USER_NOT_FOUND', 'USER_LOGIN_TAKEN', 'USER_OFFICER_TAKEN', 'USER_LAST_ADMIN'],
  agency: ['AGENCY_NOT_CONFIGURED'],
  officers: [
    'OFFICER_NOT_FOUND',
    'OFFICER_CERT_DUPLICATE',
    'OFFICER_STATE_UNCHANGED',
    'OFFICERS_TOO_FEW',
    'OFFICER_INACTIVE',
    'OFFICER_CERT_EXPIRED'
  ],
  parties: ['PARTY_NOT_FOUND', 'PARTY_DUPLICATE'],
  cases: [
    'CASE_NOT_FOUND',
    'CASE_TRANSITION_INVALID',
    'CASE_NOT_FILED',
    'CASE_NOT_GENERAL_PROCEDURE',
    'CASE_NO_PARTY',
    'SUMMARY_LIMIT_EXCEEDED',
    /** a move owned by a dedicated step (core/approvals.ts `stepRequired`) was asked of 推进 */
    'STEP_REQUIRED',
    /** the case is archived: every change is refused (contract/access.ts `CASE_CHANGES`) */
    'CASE_SEALED'
  ],
  /** 负责人审批 (立案、案件处理、结案) */
  approvals: ['APPROVAL_NOT_AVAILABLE'],
  /** deadline rules and the working-day calendar */
  deadlines: ['DEADLINE_NOT_FOUND', 'DEADLINE_NOT_EXTENDABLE', 'CALENDAR_IMPORT_INVALID', 'CALENDAR_YEAR_EXISTS'],
  /** the catalogue of violations, legal bases and discretion benchmarks */
  basis: ['VIOLATION_NOT_FOUND'],
  templates: ['TEMPLATE_NOT_FOUND', 'TEMPLATE_INVALID'],
  documents: [
    'DOCUMENT_NOT_FOUND',
    'DOCUMENT_NOT_DRAFT',
    'DOCUMENT_NOT_ISSUED',
    'DOCUMENT_CORRECTION_OPEN',
    'DOCUMENT_UNDER_REVIEW',
    'DOCUMENT_CHECK_FAILED',
    'DOCUMENT_REVISION_CONFLICT',
    'DOCUMENT_NUMBER_TAKEN'
  ],
  evidence: ['EVIDENCE_INVALID', 'EVIDENCE_DUPLICATE', 'EVIDENCE_NOT_FOUND'],
  hearings: [
    'HEARING_NOT_FOUND',
    'HEARING_STATE_INVALID',
    'HEARING_NOTICE_NOT_SERVED',
    'HEARING_REQUEST_LATE',
    'HEARING_NOTICE_TOO_SHORT',
    'HEARING_CHAIR_INVALID',
    'DISCUSSION_ATTENDEES_INVALID'
  ],
  /** 法制审核 rounds */
  review: ['REVIEW_NOT_FOUND', 'REVIEW_STATE_INVALID', 'REVIEW_DOCUMENT_CHANGED', 'REVIEWER_INVALID'],
  /** decision gates (core/gates.ts): the step that must come before a penalty or no-penalty decision */
  gates: [
    'GATE_NOT_FILED',
    'GATE_NOTICE_NOT_SERVED',
    'GATE_WINDOW_OPEN',
    'GATE_HEARING_PENDING',
    'GATE_STATEMENT_NOT_REVIEWED',
    'GATE_REVIEW_REQUIRED',
    'GATE_REVIEW_NOT_APPROVED',
    'GATE_REVIEW_STALE',
    'GATE_DISCUSSION_REQUIRED',
    'GATE_PENALTY_ABOVE_NOTICE'
  ],
  dossier: ['DOSSIER_LOCKED', 'DOSSIER_INCOMPLETE', 'DOSSIER_CASE_NOT_CLOSED', 'DOSSIER_REVIEW_VETO'],
  publicity: [
    'PUBLICITY_NOT_FOUND',
    'PUBLICITY_NOT_APPLICABLE',
    'PUBLICITY_NO_DECISION',
    'PUBLICITY_REDACTION_INCOMPLETE',
    'PUBLICITY_STATE_INVALID',
    'PUBLICITY_PERIOD'
  ],
  /** files written to a folder the user chose */
  exports: ['EXPORT_FAILED', 'EXPORT_FOLDER_NOT_EMPTY'],
  /** background jobs (exports, bundles) */
  jobs: ['JOB_NOT_FOUND', 'JOB_NOT_DONE', 'JOB_CANCELLED'],
  /** PDF rendition, signing and verification */
  signing: ['RENDITION_FAILED', 'SIGNING_FAILED', 'SIGNING_NOT_CONFIGURED', 'SIGNING_PASSWORD_REQUIRED', 'VERIFY_FAILED'],
  audit: ['AUDIT_CHAIN_BROKEN'],
  demo: ['DEMO_NOT_EMPTY']
} as const

export type ErrorArea = keyof typeof ERROR_CODES
export type ErrorCode = (typeof ERROR_CODES)[ErrorArea][number]

/** Every registered code, flat. */
export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODES).flat()

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ALL_ERROR_CODES as readonly string[]).includes(value)
}

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
    typeof value === 'object' && value !== null && isErrorCode((value as AppError).code) && typeof (value as AppError).message === 'string'
  )
}
