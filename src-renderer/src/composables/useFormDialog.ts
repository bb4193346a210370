import { ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import dayjs from 'dayjs'

/** what a form dialog emits: closing itself (v-model), and what its save returned */
export interface FormDialogEmit<T> {
  (e: 'update:modelValue', value: boolean): void
  (e: 'done', result: T): void
}

/** a form dialog's save: how it starts, the call and its success message, and how a failed call is shown */
export interface DialogSave<T> {
  /** before the call: clear the last errors; `false` stops the save (e.g. the form does not validate) */
  begin: () => boolean | void
  call: () => Promise<T>
  message: (result: T) => string
  /** the call failed: show its message and field issues */
  fail: (err: unknown) => void
}

/** run `reset` each time the dialog opens (and at once if it starts open) */
export function onDialogOpen(props: { modelValue: boolean }, reset: () => void): void {
  watch(
    () => props.modelValue,
    (open) => {
      if (open) reset()
    },
    { immediate: true }
  )
}

/**
 * The save of a form dialog (the shell is FormDialog.vue): `begin`, then the call with `saving` on; when it
 * succeeds, the success message, `done` with its result and the dialog closed; when it fails, `fail`.
 */
export function useDialogSave<T>(emit: FormDialogEmit<NoInfer<T>>, how: DialogSave<T>) {
  const saving = ref(false)

  async function save(): Promise<void> {
    if (how.begin() === false) return
    saving.value = true
    try {
      const result = await how.call()
      ElMessage.success(how.message(result))
      emit('done', result)
      emit('update:modelValue', false)
    } catch (err) {
      how.fail(err)
    } finally {
      saving.value = false
    }
  }

  return { saving, save }
}

/** a date picker's disabled-date rule: nothing after the app's today, nor before `from` when there is one */
export function afterToday(today: string, from?: string | null) {
  return (d: Date) => {
    const iso = dayjs(d).format('YYYY-MM-DD')
    return iso > today || (!!from && iso < from)
  }
}
