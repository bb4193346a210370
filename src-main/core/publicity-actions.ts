/**
 * What may be done with a 双公示 record: publish (or rebuild) a pending one, withdraw a published one, take it
 * down as expired once its maximum period has run out. Pure.
 */
import type { PublicityStatus } from './publicity'

/**
 * `status` is the effective status (core/publicity effectiveStatus). A record past its maximum period shows as
 * 已到期下架 and may be withdrawn until the takedown is recorded.
 */
export function publicityActions(
  p: { status: PublicityStatus; withdrawnOn: string | null; maxUntil: string },
  today: string
): { canPublish: boolean; canWithdraw: boolean; canTakeDownExpired: boolean } {
  return {
    canPublish: p.status === 'pending',
    canWithdraw: p.status === 'published' || (p.status === 'expired' && !p.withdrawnOn),
    /** the reason 已到期 may be given from the last day of the maximum period on (the service checks the date) */
    canTakeDownExpired: today >= p.maxUntil
  }
}
