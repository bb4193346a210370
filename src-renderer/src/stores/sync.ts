import { api } from '../api/client'
import { useAgencyStore } from './agency'
import { useAppStore } from './app'
import { useOfficersStore } from './officers'

/**
 * Keep the stores fresh: any 'data.changed' event (from this window, another window or the CLI through
 * the same home) reloads app info and whichever area stores have been loaded. Bursts are coalesced.
 */
export function startSync(): () => void {
  const app = useAppStore()
  const agency = useAgencyStore()
  const officers = useOfficersStore()
  let pending: ReturnType<typeof setTimeout> | null = null

  return api.onEvent((event) => {
    if (event.type !== 'data.changed') return
    if (pending) clearTimeout(pending)
    pending = setTimeout(() => {
      pending = null
      void app.load()
      if (agency.loaded) void agency.load().catch(() => undefined)
      if (officers.loaded) void officers.load().catch(() => undefined)
    }, 50)
  })
}
