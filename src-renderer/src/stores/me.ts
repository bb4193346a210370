import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const STORAGE_KEY = 'casebinder.me'

function initial(): number | null {
  try {
    const v = Number(localStorage.getItem(STORAGE_KEY))
    return Number.isInteger(v) && v > 0 ? v : null
  } catch {
    return null
  }
}

/**
 * "我是": which officer is using this computer. A UI preference only (there are no accounts yet): it filters
 * the workbench and the "my cases" view. Kept in localStorage.
 */
export const useMeStore = defineStore('me', () => {
  const officerId = ref<number | null>(initial())
  watch(officerId, (v) => {
    try {
      if (v === null) localStorage.removeItem(STORAGE_KEY)
      else localStorage.setItem(STORAGE_KEY, String(v))
    } catch {
      // not persisted; harmless
    }
  })
  return { officerId }
})
