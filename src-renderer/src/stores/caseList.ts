import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { CaseStatus, Procedure } from '../../../src-main/core/case'

/** The case list's filters and page, kept while the user moves between the list and a case. */
export const useCaseListStore = defineStore('caseList', () => {
  const filters = reactive({
    q: '',
    status: [] as CaseStatus[],
    procedure: '' as Procedure | '',
    officerId: null as number | null,
    range: null as [string, string] | null,
    mine: false
  })
  const page = ref(1)
  const pageSize = ref(20)

  function reset() {
    filters.q = ''
    filters.status = []
    filters.procedure = ''
    filters.officerId = null
    filters.range = null
    filters.mine = false
    page.value = 1
  }

  return { filters, page, pageSize, reset }
})
