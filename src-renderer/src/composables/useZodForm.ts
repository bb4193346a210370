import { computed, reactive, ref, watch } from 'vue'
import type { z } from 'zod'
import { isApiError } from '../api/client'

/**
 * Form state validated by a core zod schema (the same one the service uses), so the user sees the
 * service's own Chinese messages before saving. A field's message shows once it has been touched
 * (blur, or a view-specific "complete enough" rule) or after a save attempt; server issues
 * (details.issues[].path) are mapped back onto the matching field and cleared when that field changes.
 */
export function useZodForm<T extends Record<string, unknown>>(schema: z.ZodType, initial: T) {
  const model = reactive({ ...initial }) as T
  const fields = Object.keys(initial)
  const touched = reactive(new Set<string>())
  const submitted = ref(false)
  const serverErrors = reactive<Record<string, string>>({})

  const clientErrors = computed(() => {
    const out: Record<string, string> = {}
    const r = schema.safeParse({ ...model })
    if (!r.success) {
      for (const issue of r.error.issues) {
        const key = String(issue.path[0] ?? '')
        if (key && !(key in out)) out[key] = issue.message
      }
    }
    return out
  })

  watch(
    () => fields.map((f) => model[f]),
    (now, before) => {
      fields.forEach((f, i) => {
        if (now[i] !== before[i]) delete serverErrors[f]
      })
    }
  )

  function error(field: keyof T & string): string {
    if (serverErrors[field]) return serverErrors[field]
    if (submitted.value || touched.has(field)) return clientErrors.value[field] ?? ''
    return ''
  }

  function touch(field: keyof T & string): void {
    touched.add(field)
  }

  /** Mark everything for display; true when the client-side schema accepts the form. */
  function validate(): boolean {
    submitted.value = true
    return Object.keys(clientErrors.value).length === 0
  }

  /** Put a service error's field issues on the fields; true when at least one was shown on a field. */
  function applyServerError(err: unknown): boolean {
    if (!isApiError(err)) return false
    let mapped = false
    for (const issue of err.issues) {
      const key = issue.path
        .split('.')
        .reverse()
        .find((seg) => fields.includes(seg))
      if (key && !serverErrors[key]) {
        serverErrors[key] = issue.message
        mapped = true
      }
    }
    return mapped
  }

  function reset(values: T): void {
    Object.assign(model, values)
    touched.clear()
    submitted.value = false
    for (const k of Object.keys(serverErrors)) delete serverErrors[k]
  }

  return { model, error, touch, validate, applyServerError, reset, clientErrors }
}
