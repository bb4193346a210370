import { reactive, ref } from 'vue'
import { isApiError } from '../../api/client'
import { onDialogOpen, useDialogSave, type DialogSave, type FormDialogEmit } from '../../composables/useFormDialog'

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

/**
 * A review dialog's errors (useDialogErrors) and save (useDialogSave): each time the dialog opens the errors are
 * cleared and `reset` fills the form; each save clears them, and a failed call puts its message and issues back.
 */
export function useReviewDialog<T>(
  props: { modelValue: boolean },
  emit: FormDialogEmit<NoInfer<T>>,
  opts: { fields: readonly string[]; prefix?: string; reset: () => void } & Pick<DialogSave<T>, 'call' | 'message'>
) {
  const dialogErrors = useDialogErrors(opts.fields, opts.prefix)
  onDialogOpen(props, () => {
    dialogErrors.clear()
    opts.reset()
  })
  const { saving, save } = useDialogSave(emit, {
    begin: dialogErrors.clear,
    call: opts.call,
    message: opts.message,
    fail: dialogErrors.apply
  })
  return { ...dialogErrors, saving, save }
}
