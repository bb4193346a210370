import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/client'
import type { Agency, AgencyInput } from '../../../src-main/core/agency'

export const useAgencyStore = defineStore('agency', () => {
  const agency = ref<Agency | null>(null)
  const loaded = ref(false)

  async function load() {
    agency.value = await api.call('agency.get', {})
    loaded.value = true
  }

  async function save(input: AgencyInput) {
    agency.value = await api.call('agency.set', input)
    return agency.value
  }

  return { agency, loaded, load, save }
})
