/**
 * Errors cross IPC as data, never as stack traces. `code` picks the message the renderer shows in the
 * operator's language (i18n key `errors.<code>`); `message` is the English text for logs and the CLI.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'not_found'
  | 'stale_edit'
  | 'not_signed_in'
  | 'wrong_password'
  | 'supervisor_only'
  | 'overseer_only'
  | 'report_cancelled'
  | 'report_busy'
  | 'trainer_read_only'
  | 'database'
  | 'database_open'
  | 'internal'
  | 'slip_settled'
  | 'slip_state'
  | 'in_use'
  | 'file_unreadable'
  | 'no_printer'
  | 'recorded_after_event'
  | 'import_cancelled'
  | 'file_unwritable'
  | 'backup_missing'
  | 'backup_not_sqlite'
  | 'backup_corrupt'
  | 'backup_newer'
  | 'restore_failed'
  | 'restore_demo'
  | 'same_as_database'

/** A problem with one field; `message` is an i18n key under `validation.`. */
export interface FieldError {
  path: string
  message: string
  params?: Record<string, string | number>
}

export interface ApiErrorData {
  code: ErrorCode
  /** English; the renderer shows `errors.<code>`, or this text for codes whose message is the detail. */
  message: string
  params?: Record<string, string | number>
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { params?: Record<string, string | number>; fields?: FieldError[] } = {},
  ) {
    super(message)
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message, ...this.details }
  }
}

/** A field-level refusal, e.g. a customer code already taken. */
export function fieldError(
  path: string,
  message: string,
  params?: Record<string, string | number>,
): AppError {
  return new AppError('invalid_input', `${path}: ${message}`, {
    fields: [{ path, message, ...(params && { params }) }],
  })
}
