import { ref } from 'vue'
import { z } from 'zod'
import { isApiError } from '../../api/client'
import { useZodForm } from '../../composables/useZodForm'
import { onDialogOpen, useDialogSave, type DialogSave, type FormDialogEmit } from '../../composables/useFormDialog'

/** the service validates (its schemas live in core/review-views, which the renderer cannot load); its field issues land on the fields */
const SERVER_CHECKED = z.object({})

/** a publicity dialog's form: the service checks it, so only its field issues show on the fields */
export function usePublicityForm<M extends Record<string, unknown>>(initial: M) {
  return useZodForm(SERVER_CHECKED, initial)
}

/**
 * A publicity dialog's alert and save (useDialogSave): each time the dialog opens `form` is reset to `values()`;
 * a save does nothing until `ready()`; a failed call's field issues land on the fields, and its message shows on
 * top unless it was a validation failure that the fields already show.
 */
export function usePublicityDialog<M extends Record<string, unknown>, T>(
  props: { modelValue: boolean },
  emit: FormDialogEmit<NoInfer<T>>,
  form: ReturnType<typeof usePublicityForm<M>>,
  opts: { values: () => M; ready?: () => boolean } & Pick<DialogSave<T>, 'call' | 'message'>
) {
  const alert = ref<string | null>(null)

  onDialogOpen(props, () => {
    form.reset(opts.values())
    alert.value = null
  })

  const { saving, save } = useDialogSave(emit, {
    begin: () => {
      if (opts.ready && !opts.ready()) return false
      alert.value = null
      return form.validate()
    },
    call: opts.call,
    message: opts.message,
    fail: (err) => {
      const mapped = form.applyServerError(err)
      if (!mapped || !isApiError(err) || err.code !== 'VALIDATION_FAILED') alert.value = (err as Error).message
    }
  })

  return { alert, saving, save }
}
