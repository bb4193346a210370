/**
 * Today's date in China time (Asia/Shanghai, UTC+8, no daylight saving), the one "today" of the renderer.
 * The server's date (app.info.today) wins once loaded, so the UI and the services agree on the day; until
 * then the desk's clock gives it, never the UTC date (which is yesterday before 08:00 in China).
 */
import { computed, type ComputedRef } from 'vue'
import { isoDateOf } from '../../../src-main/core/dates'
import { useAppStore } from '../stores/app'

export const CHINA_UTC_OFFSET_MINUTES = 8 * 60

/** YYYY-MM-DD of `now` in China time. */
export function todayInChina(now: Date = new Date()): string {
  return isoDateOf(now, CHINA_UTC_OFFSET_MINUTES)
}

/** The server's today once app.info is loaded, China time from the clock before that. */
export function useToday(): ComputedRef<string> {
  const app = useAppStore()
  return computed(() => app.info?.today ?? todayInChina())
}
