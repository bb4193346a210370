import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openHome, type Home } from '../src-main/store/home'
import { createContext, type ServiceContext } from '../src-main/services/context'
import type { AppEvent } from '../src-main/contract'

export interface TestHome {
  dir: string
  home: Home
  ctx: ServiceContext
  events: AppEvent[]
  /** move the clock */
  setNow(iso: string): void
  cleanup(): void
}

/** A real data home in a temp folder, with a fixed clock (default 2026-11-25 10:00 China time). */
export function makeHome(now = '2026-11-25T02:00:00Z'): TestHome {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-test-'))
  const home = openHome(dir, { actor: 'tester' })
  const events: AppEvent[] = []
  let clock = new Date(now)
  const ctx = createContext(home, { actor: 'tester', now: () => clock, emit: (e) => events.push(e), version: 'test' })
  return {
    dir,
    home,
    ctx,
    events,
    setNow: (iso) => {
      clock = new Date(iso)
    },
    cleanup: () => {
      try {
        home.close()
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const VALID_AGENCY = {
  name: '江州市应急管理局',
  shortName: '江',
  creditCode: '11360400MB1C23456B',
  address: '江州市滨江区人民路188号',
  postcode: '332000',
  phone: '0792-8123456',
  reconsiderationBody: '江州市人民政府',
  court: '江州市滨江区人民法院'
}

export function countRows(home: Home, table: string): number {
  return (home.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
}
