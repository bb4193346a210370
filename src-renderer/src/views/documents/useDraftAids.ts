/**
 * The drafting aids of a form: 规范用语 (the phrase dialog: the categories the document view offers for a field,
 * the placeholders it knows, insertion at the caret) and 法律依据 (the basis picker filling the provisions and
 * offering the violation's fact template). The view decides what is offered; this only wires it to the form.
 */
import { computed, nextTick, ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { placeholdersOf, type PhraseCategory } from '../../../../src-main/core/catalogue'
import { rowPrefill } from '../../../../src-main/core/phrase-fields'
import type { TemplateField } from '../../../../src-main/core/templates'
import type { BasisEntry, BasisTarget } from '../../components/documents/BasisPicker.vue'
import { emptyItem, insertText } from '../../composables/documents'
import { isFacts, listOf, type Cursor } from './draft'

export interface DraftAidsOptions {
  fields: Record<string, unknown>
  /** the document view's offer: phrase category ids per field, placeholder values */
  offer: Ref<{ phrases: Record<string, string[]>; prefill: Record<string, string> } | null>
  templateFields: Ref<readonly TemplateField[]>
  /** the document type's phrase categories (phrases.for) */
  categories: Ref<PhraseCategory[]>
  t: (key: string, values?: Record<string, unknown>) => string
}

function focusInput(selector: string, caret?: number) {
  void nextTick(() => {
    const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)
    if (!el) return
    el.focus()
    if (caret !== undefined) el.setSelectionRange(caret, caret)
  })
}

export function useDraftAids(o: DraftAidsOptions) {
  const { fields, t } = o
  const cursor = ref<Cursor | null>(null)
  function remember(c: Cursor) {
    cursor.value = c
  }

  // ---- 规范用语
  const phraseOpen = ref(false)
  const phraseField = ref<TemplateField | null>(null)
  const phraseCategories = ref<PhraseCategory[]>([])
  const phraseDirect = ref(false)

  function openPhrases(f: TemplateField) {
    const byId = new Map(o.categories.value.map((c) => [c.id, c]))
    phraseField.value = f
    phraseCategories.value = (o.offer.value?.phrases[f.key] ?? []).flatMap((id) => byId.get(id) ?? [])
    phraseDirect.value = false
    phraseOpen.value = true
  }

  const prefill = computed<Record<string, string>>(() => {
    const out = { ...(o.offer.value?.prefill ?? {}) }
    const f = phraseField.value
    if (f?.type === 'list') {
      const rows = listOf(fields, f.key)
      const row = cursor.value?.key === f.key && cursor.value.row !== null ? cursor.value.row : rows.length
      Object.assign(out, rowPrefill(rows, row))
    }
    return out
  })

  function insertPhrase(text: string) {
    const f = phraseField.value
    if (!f) return
    const at = cursor.value
    if (f.type === 'list') {
      const rows = listOf(fields, f.key)
      const textCol = (f.item ?? []).find((c) => c.type === 'textarea' || c.type === 'text')?.key
      if (!textCol) return
      if (at?.key === f.key && at.row !== null && at.col && rows[at.row]) {
        const cur = String(rows[at.row]![at.col] ?? '')
        const r = insertText(cur, text, { start: at.start, end: at.end }, true)
        rows[at.row]![at.col] = r.value
        cursor.value = { ...at, start: r.caret, end: r.caret }
        focusInput(`[data-testid="input-${f.key}-${at.row}-${at.col}"]`, r.caret)
      } else {
        const item = emptyItem(f)
        item[textCol] = text
        rows.push(item)
        focusInput(`[data-testid="input-${f.key}-${rows.length - 1}-${textCol}"]`)
      }
      return
    }
    const cur = typeof fields[f.key] === 'string' ? (fields[f.key] as string) : ''
    const r = insertText(cur, text, at?.key === f.key && at.row === null ? { start: at.start, end: at.end } : null, f.type === 'textarea')
    fields[f.key] = r.value
    cursor.value = { key: f.key, row: null, col: null, start: r.caret, end: r.caret }
    focusInput(`[data-testid="input-${f.key}"]`, r.caret)
    ElMessage.success(t('drafting.phrases.inserted'))
  }

  // ---- 法律依据
  const basisOpen = ref(false)
  const basisField = ref<TemplateField | null>(null)
  const basisCite = computed(() => basisField.value?.type === 'citation')
  const hasPair = computed(() => {
    const keys = new Set(o.templateFields.value.map((f) => f.key))
    return keys.has('violatedProvision') && keys.has('penaltyBasis')
  })
  const factsKey = computed(() => o.templateFields.value.find((f) => isFacts(f))?.key ?? null)

  function openBasis(f: TemplateField) {
    basisField.value = f
    basisOpen.value = true
  }

  function chooseBasis(e: BasisEntry, target: BasisTarget) {
    if (target === 'pair') {
      fields.violatedProvision = e.violatedProvision
      fields.penaltyBasis = e.penaltyBasis
    } else if (basisField.value) {
      fields[basisField.value.key] = target === 'violated' ? e.violatedProvision : e.penaltyBasis
    }
    ElMessage.success(t('drafting.basis.filled'))
    if (factsKey.value && !String(fields[factsKey.value] ?? '').trim()) {
      // an empty facts field: offer the violation's fact template right away
      factsFrom(e)
    }
  }

  function factsFrom(e: BasisEntry) {
    const key = basisField.value && isFacts(basisField.value) ? basisField.value.key : factsKey.value
    const f = o.templateFields.value.find((x) => x.key === key)
    if (!f) return
    phraseField.value = f
    phraseCategories.value = [
      {
        id: 'basis.facts',
        aliases: [],
        label: t('drafting.basis.factsTemplate'),
        docTypes: [],
        field: f.key,
        guide: '',
        snippets: [{ id: 'facts', title: e.title, text: e.sentences.facts, placeholders: placeholdersOf(e.sentences.facts) }]
      }
    ]
    phraseDirect.value = true
    phraseOpen.value = true
  }

  return {
    remember,
    phraseOpen,
    phraseField,
    phraseCategories,
    phraseDirect,
    prefill,
    openPhrases,
    insertPhrase,
    basisOpen,
    basisField,
    basisCite,
    hasPair,
    factsKey,
    openBasis,
    chooseBasis,
    factsFrom
  }
}
