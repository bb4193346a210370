import { reactive, ref } from 'vue'
import dayjs from 'dayjs'
import { isApiError } from '../../api/client'

/**
 * Error state of one review dialog: the backend's Chinese message on top, and its field issues
 * (details.issues[].path, e.g. `decision.aspects.facts.note`, `chairId`, `attendees.0`) on the matching
 * form field. `fields` are the form's error keys, written as paths (`aspects.facts.note`); an issue goes to
 * the longest key that is its path or a prefix of it, after `prefix` (e.g. `decision.`) is taken off.
 */
export function useDialogErrors(fields: readonly string[], prefix = '') {
  const errors = reactive<Record<string, string>>({})
  const alert = ref<string | null>(null)
  const code = ref<string | null>(null)

  function clear(): void {
    alert.value = null
    code.value = null
    for (const k of Object.keys(errors)) delete errors[k]
  }

  function fieldOf(path: string): string | null {
    const p = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path
    let best: string | null = null
    for (const f of fields) {
      if ((p === f || p.startsWith(`${f}.`)) && (!best || f.length > best.length)) best = f
    }
    return best
  }

  /** show a failed call: its message on top, each issue on its field (the first message per field) */
  function apply(err: unknown): void {
    alert.value = (err as Error).message
    code.value = isApiError(err) ? err.code : null
    if (!isApiError(err)) return
    for (const issue of err.issues) {
      const f = fieldOf(issue.path)
      if (f && !errors[f]) errors[f] = issue.message
    }
  }

  /** forget a field's error once the user changes it */
  function touch(field: string): void {
    delete errors[field]
  }

  return { errors, alert, code, clear, apply, touch }
}

/** a date picker's disabled-date rule: nothing after the app's today */
export function afterToday(today: string) {
  return (d: Date) => dayjs(d).format('YYYY-MM-DD') > today
}
