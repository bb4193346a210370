import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api/client'
import type { Officer, OfficerInput, OfficerPatch } from '../../../src-main/core/officer'

export const useOfficersStore = defineStore('officers', () => {
  /** all officers, deactivated ones included; the view filters */
  const all = ref<Officer[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const showInactive = ref(false)

  const visible = computed(() => (showInactive.value ? all.value : all.value.filter((o) => o.active)))
  const summary = computed(() => {
    const active = all.value.filter((o) => o.active)
    return {
      active: active.length,
      expired: active.filter((o) => o.expiry.state === 'expired').length,
      expiring: active.filter((o) => o.expiry.state === 'expiring').length,
      inactive: all.value.length - active.length
    }
  })

  async function load() {
    loading.value = true
    try {
      all.value = await api.call('officers.list', { includeInactive: true })
      loaded.value = true
    } finally {
      loading.value = false
    }
  }

  async function add(input: OfficerInput) {
    const o = await api.call('officers.add', input)
    await load()
    return o
  }

  async function edit(id: number, patch: OfficerPatch) {
    const o = await api.call('officers.edit', { id, patch })
    await load()
    return o
  }

  async function deactivate(id: number, reason: string) {
    const o = await api.call('officers.deactivate', { id, reason })
    await load()
    return o
  }

  async function reactivate(id: number) {
    const o = await api.call('officers.reactivate', { id })
    await load()
    return o
  }

  return { all, loaded, loading, showInactive, visible, summary, load, add, edit, deactivate, reactivate }
})
