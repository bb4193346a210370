import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/client'
import type { ChannelOutput } from '../../../src-main/contract'
import type { ChainReport } from '../../../src-main/core/activity'

export type AppInfo = ChannelOutput<'app.info'>

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const loadError = ref<string | null>(null)
  const audit = ref<ChainReport | null>(null)
  const auditChecking = ref(false)

  async function load() {
    try {
      info.value = await api.call('app.info', {})
      loadError.value = null
    } catch (err) {
      loadError.value = (err as Error).message
    }
  }

  async function verifyAudit() {
    auditChecking.value = true
    try {
      audit.value = await api.call('audit.verify', {})
    } finally {
      auditChecking.value = false
    }
  }

  return { info, loadError, audit, auditChecking, load, verifyAudit }
})
