/** The text of every error code in English (same keys as errors.zh-CN.ts); shown instead of the services' zh-CN message. */
import type { ErrorCode } from '../../../src-main/core/errors'

const errorsEn: Record<ErrorCode, string> = {
  // general
  VALIDATION_FAILED: 'Some input is not valid: check the marked fields.',
  UNKNOWN_CHANNEL: 'Unknown channel: {channel}',
  UNAUTHORIZED: 'Not allowed to use the CaseBinder service.',
  INTERNAL: 'Internal error: nothing was changed. See the log for details.',
  SERVER_UNAVAILABLE: 'The server is temporarily unavailable: nothing was changed. Try again in a moment.',
  // auth
  AUTH_REQUIRED: 'Please sign in first.',
  FORBIDDEN: 'You are not allowed to do this.',
  AUTH_FAILED: 'The login or the password is not correct.',
  AUTH_LOCKED: 'Too many failed sign-ins: the account is locked until {unlocksAt}.',
  AUTH_INACTIVE: 'This account has been deactivated; ask an administrator.',
  PASSWORD_WEAK: 'The password is too weak: at least 8 characters, with letters and digits.',
  // server
  RATE_LIMITED: 'Too many sign-in attempts: please wait a moment and try again.',
  // users
  SETUP_DONE: 'The administrator account has already been created; please sign in.',
  USER_NOT_FOUND: 'User not found.',
  USER_LOGIN_TAKEN: 'This login is already taken.',
  USER_OFFICER_TAKEN: 'This officer is already linked to another account.',
  USER_LAST_ADMIN: 'At least one active administrator account must remain.',
  // agency
  AGENCY_NOT_CONFIGURED: 'The enforcement agency is not set up yet: fill it in under Settings › Agency.',
  // officers
  OFFICER_NOT_FOUND: 'Officer not found.',
  OFFICER_CERT_DUPLICATE: 'This enforcement certificate number is already registered to another officer (no. {holderId}).',
  OFFICER_STATE_UNCHANGED: 'The officer is already in that state.',
  OFFICERS_TOO_FEW: 'At least two officers holding different enforcement certificates are required.',
  OFFICER_INACTIVE: 'An officer is deactivated and cannot handle cases.',
  OFFICER_CERT_EXPIRED: "An officer's enforcement certificate has expired.",
  // parties
  PARTY_NOT_FOUND: 'Party not found.',
  PARTY_DUPLICATE: 'This party is already registered (no. {existingId}).',
  // cases
  CASE_NOT_FOUND: 'Case not found.',
  CASE_TRANSITION_INVALID: 'The case cannot take this step in its current status.',
  CASE_NOT_FILED: 'The case has not been filed yet.',
  CASE_NOT_GENERAL_PROCEDURE: 'This step does not apply to a summary-procedure case.',
  CASE_NO_PARTY: 'The case has no party.',
  SUMMARY_LIMIT_EXCEEDED: 'The penalty exceeds the summary-procedure limit: handle the case under the general procedure.',
  STEP_REQUIRED: "This move belongs to a dedicated step (a head's approval or the archive job); it cannot be made by advancing the case.",
  CASE_SEALED: 'The case is archived and sealed; nothing can be changed.',
  // approvals
  APPROVAL_NOT_AVAILABLE: 'This approval cannot be recorded in the case’s current status.',
  // deadlines
  DEADLINE_NOT_FOUND: 'No such deadline rule.',
  DEADLINE_NOT_EXTENDABLE: 'This deadline cannot be extended.',
  CALENDAR_IMPORT_INVALID: 'The calendar file is not valid; nothing was imported.',
  CALENDAR_YEAR_EXISTS: 'A calendar for that year already exists; choose "Overwrite" to replace it.',
  // basis
  VIOLATION_NOT_FOUND: 'No such violation in the catalogue.',
  // templates
  TEMPLATE_NOT_FOUND: 'No such document template.',
  TEMPLATE_INVALID: 'The template file is not valid; nothing was imported.',
  // documents
  DOCUMENT_NOT_FOUND: 'Document not found.',
  DOCUMENT_NOT_DRAFT: 'The document is issued or voided and cannot be changed; create a new version to correct it.',
  DOCUMENT_NOT_ISSUED: 'The document has not been issued, or it was voided.',
  DOCUMENT_CORRECTION_OPEN: 'A corrected version of this document is already being drafted.',
  DOCUMENT_UNDER_REVIEW: 'The document is under legal review and cannot be changed until the reviewer decides.',
  DOCUMENT_CHECK_FAILED: 'The document did not pass the check: {count} problem(s).',
  DOCUMENT_REVISION_CONFLICT: 'Someone else changed the document; reopen it and edit again.',
  DOCUMENT_NUMBER_TAKEN: 'This document number is already in use.',
  // evidence
  EVIDENCE_INVALID: 'This file cannot be registered as this kind of material.',
  EVIDENCE_DUPLICATE: 'The same file is already registered (no. {existingId}).',
  EVIDENCE_NOT_FOUND: 'Evidence not found.',
  // hearings
  HEARING_NOT_FOUND: 'Hearing not found.',
  HEARING_STATE_INVALID: 'The hearing cannot take this step in its current state.',
  HEARING_NOTICE_NOT_SERVED: 'The notice of intended penalty has not been served yet.',
  HEARING_REQUEST_LATE: 'The period for requesting a hearing has ended; a late request counts as a waiver.',
  HEARING_NOTICE_TOO_SHORT: 'The party must be notified at least seven days before the hearing.',
  HEARING_CHAIR_INVALID: 'The hearing chair must be an active officer of the agency who did not investigate the case.',
  DISCUSSION_ATTENDEES_INVALID: 'A collective discussion needs three or more active heads, one of whom chairs it.',
  // review
  REVIEW_NOT_FOUND: 'Legal review not found.',
  REVIEW_STATE_INVALID: 'The legal review cannot take this step in its current state.',
  REVIEW_DOCUMENT_CHANGED: 'The decision draft changed after it was submitted; the handler must submit it again.',
  REVIEWER_INVALID: 'This person cannot act as the legal reviewer.',
  // gates
  GATE_NOT_FILED: 'The case has not been filed; no decision can be made yet.',
  GATE_NOTICE_NOT_SERVED: 'The notice of intended penalty has not been served; no penalty decision can be made yet.',
  GATE_WINDOW_OPEN: "The party's period for statements, defence or a hearing request has not ended.",
  GATE_HEARING_PENDING: 'The hearing has not finished.',
  GATE_STATEMENT_NOT_REVIEWED: "The party's statements and defence have not been reviewed.",
  GATE_REVIEW_REQUIRED: 'A major enforcement decision needs a legal review first.',
  GATE_REVIEW_NOT_APPROVED: 'The legal review did not approve the decision.',
  GATE_REVIEW_STALE: 'The decision changed after the legal review; it must be reviewed again.',
  GATE_DISCUSSION_REQUIRED: 'The decision needs a collective discussion by the agency heads.',
  GATE_PENALTY_ABOVE_NOTICE: 'The penalty is heavier than the one notified; the party must be notified again.',
  // dossier
  DOSSIER_LOCKED: 'The dossier is archived and sealed; it can no longer be changed.',
  DOSSIER_INCOMPLETE: 'The dossier is incomplete and cannot be archived.',
  DOSSIER_CASE_NOT_CLOSED: 'The case is not closed yet and cannot be archived.',
  DOSSIER_REVIEW_VETO: 'The dossier review found veto items; it cannot be archived.',
  // publicity
  PUBLICITY_NOT_FOUND: 'Publicity record not found.',
  PUBLICITY_NOT_APPLICABLE: 'This decision is not to be published.',
  PUBLICITY_NO_DECISION: 'The case has no issued penalty decision yet.',
  PUBLICITY_REDACTION_INCOMPLETE: 'Some personal information could not be redacted; check the decision text.',
  PUBLICITY_STATE_INVALID: 'The publicity record cannot take this step in its current state.',
  PUBLICITY_PERIOD: 'The publicity period has not ended yet.',
  // exports
  EXPORT_FAILED: 'Cannot write to the export folder {outDir}.',
  EXPORT_FOLDER_NOT_EMPTY: 'The target folder is not empty.',
  // jobs
  JOB_NOT_FOUND: 'No such job.',
  JOB_NOT_DONE: 'The job has not finished or produced no file.',
  JOB_CANCELLED: 'Cancelled; no file was produced.',
  // signing
  RENDITION_FAILED: 'Could not produce the PDF.',
  SIGNING_FAILED: 'Signing failed.',
  SIGNING_NOT_CONFIGURED:
    "No signing certificate yet: import the agency's certificate under Settings › Signing certificate, or create a test certificate.",
  SIGNING_PASSWORD_REQUIRED: 'Enter the password of the signing certificate.',
  VERIFY_FAILED: 'The signature or archive package did not verify.',
  // audit
  AUDIT_CHAIN_BROKEN: 'The hash chain of the activity record is broken.',
  // demo
  DEMO_NOT_EMPTY: 'The data folder already has data; demo data can only be loaded into a new data folder.'
}

export default { errors: errorsEn }
