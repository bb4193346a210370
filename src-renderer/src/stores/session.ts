import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api/client'
import type { Channel, ChannelOutput } from '../../../src-main/contract'

export type AuthStatus = ChannelOutput<'auth.status'>

/** how often user input is reported to the door so that its session does not end while someone is working */
const TOUCH_MS = 60_000
const CHECK_MS = 15_000

/**
 * Who is signed in at this window, and the screen lock. The door (harness cookie, the window's backend) holds the
 * session; this store mirrors auth.status. After the agency's idle time without input the screen locks: the page
 * under the lock stays mounted, so an unsaved draft is still there after the same user signs in again. A call that
 * meets AUTH_REQUIRED (the session ended elsewhere) locks too.
 */
export const useSessionStore = defineStore('session', () => {
  const status = ref<AuthStatus | null>(null)
  const loadError = ref<string | null>(null)
  /** the screen is locked: the signed-in page stays underneath, waiting for the same user */
  const locked = ref(false)
  /** who was signed in when the screen locked */
  const lockedFor = ref<{ login: string; name: string } | null>(null)

  const principal = computed(() => (locked.value ? null : (status.value?.principal ?? null)))
  const may = computed(() => new Set(status.value?.may ?? []))
  /** may the signed-in user's roles call this channel? (the per-case part is the service's to check) */
  const can = (channel: Channel) => may.value.has(channel)
  const hasRole = (role: string) => (status.value?.principal?.roles as string[] | undefined)?.includes(role) ?? false

  async function load() {
    try {
      status.value = await api.call('auth.status', {})
      loadError.value = null
    } catch (err) {
      loadError.value = (err as Error).message
    }
  }

  async function signIn(login: string, password: string) {
    const wasLockedFor = lockedFor.value
    await api.call('auth.signIn', { login, password })
    await load()
    if (wasLockedFor && wasLockedFor.login !== login) {
      // another person at a locked screen: the page underneath was someone else's work; start afresh
      window.location.hash = '#/workbench'
    }
    locked.value = false
    lockedFor.value = null
    lastInput = Date.now()
  }

  async function signOut(reason: 'user' | 'idle' | 'lock' = 'user') {
    try {
      await api.call('auth.signOut', { reason })
    } finally {
      if (reason !== 'user') lock()
      else {
        locked.value = false
        lockedFor.value = null
        await load()
      }
    }
  }

  function lock() {
    const p = status.value?.principal
    if (!p || locked.value) return
    lockedFor.value = { login: p.login, name: p.name }
    locked.value = true
  }

  let lastInput = Date.now()
  let lastTouch = Date.now()
  let timer: ReturnType<typeof setInterval> | null = null
  const onInput = () => {
    lastInput = Date.now()
  }
  const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const

  /** watch for idleness; returns the stop function */
  function startIdleWatch(): () => void {
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true })
    const offLost = api.onAuthLost(() => lock())
    timer = setInterval(() => {
      const p = status.value?.principal
      if (!p || locked.value) return
      const now = Date.now()
      const idleMs = (status.value?.idleMinutes ?? 30) * 60_000
      if (now - lastInput >= idleMs) {
        void signOut('idle').catch(() => lock())
      } else if (lastInput > lastTouch && now - lastTouch >= TOUCH_MS) {
        lastTouch = now
        void api.call('auth.status', {}).catch(() => undefined)
      }
    }, CHECK_MS)
    return () => {
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true })
      offLost()
      if (timer) clearInterval(timer)
      timer = null
    }
  }

  return { status, loadError, locked, lockedFor, principal, can, hasRole, load, signIn, signOut, lock, startIdleWatch }
})
