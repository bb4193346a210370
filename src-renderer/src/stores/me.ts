import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useSessionStore } from './session'

/**
 * "Me": the officer record of the signed-in user (null for a user without one, e.g. the administrator). It filters
 * the workbench and the "my cases" view and fills the handler of a new case.
 */
export const useMeStore = defineStore('me', () => {
  const session = useSessionStore()
  const officerId = computed(() => session.status?.principal?.officerId ?? null)
  return { officerId }
})
