import { onBeforeUnmount, onMounted } from 'vue'
import { api } from '../api/client'

/**
 * Run `reload` whenever the main side reports a data change (this window, another window, the CLI),
 * optionally only for some areas. Bursts are coalesced. Subscribed while the component is mounted.
 */
export function useDataChanged(reload: () => void, areas?: readonly string[]): void {
  let stop: (() => void) | null = null
  let pending: ReturnType<typeof setTimeout> | null = null
  onMounted(() => {
    stop = api.onEvent((event) => {
      if (event.type !== 'data.changed') return
      if (areas && !areas.includes(event.area)) return
      if (pending) clearTimeout(pending)
      pending = setTimeout(() => {
        pending = null
        reload()
      }, 120)
    })
  })
  onBeforeUnmount(() => {
    if (pending) clearTimeout(pending)
    stop?.()
  })
}
