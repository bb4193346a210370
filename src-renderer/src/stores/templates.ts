import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/client'
import type { ChannelOutput } from '../../../src-main/contract'

export type TemplateSummary = ChannelOutput<'templates.list'>[number]

/** The document types (templates.list): manifest fields for the drafting form, titles, 代字, custom flags. */
export const useTemplatesStore = defineStore('templates', () => {
  const all = ref<TemplateSummary[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  async function load(): Promise<void> {
    pending ??= api
      .call('templates.list', {})
      .then((list) => {
        all.value = list
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  async function ensure(): Promise<void> {
    if (!loaded.value) await load()
  }

  function byId(id: string): TemplateSummary | undefined {
    return all.value.find((t) => t.id === id)
  }

  return { all, loaded, load, ensure, byId }
})
