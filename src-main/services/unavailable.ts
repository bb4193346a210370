import type { AppError } from '../core/errors'
import { isStoreUnavailable } from '../store/engine/errors'

/** The answer to a call the database could not serve (the server's PostgreSQL stopped or unreachable). */
export const UNAVAILABLE: AppError = {
  code: 'SERVER_UNAVAILABLE',
  message: '服务器暂时不可用，操作未完成，数据未更改。请稍后重试。'
}

export function unavailableError(err: unknown): AppError | null {
  return isStoreUnavailable(err) ? { ...UNAVAILABLE, details: { cause: String(err) } } : null
}
