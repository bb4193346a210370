/**
 * Shared E2E fixture: a fresh data home and an in-process harness per test, the page opened on it
 * (token traded for the cookie), and a guard that fails the test on page errors or CSP violations.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { openHome, type StoreHome } from '../../src-main/store/home'
import { openServerHome } from '../../src-main/store/server-home'
import { createScratchDatabase, type ScratchDatabase } from '../support/pg-database'
import { createContext } from '../../src-main/services/context'
import { call as callIn } from '../../src-main/services'
import { ROLES } from '../../src-main/core/roles'
import { DEMO_PASSWORD } from '../../src-main/demo/material'
import { startHarness, type Harness } from '../../src-main/harness/server'
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/contract'
import type { Result } from '../../src-main/core/errors'

export const SCREENSHOTS = resolve('test-results/screenshots')

/** the fixture's own user: every role, no officer record (so no case's handler, no assigned reviewer) */
export const E2E_USER = { login: 'e2e', name: '测试员', password: 'e2e-Password-1' }
export { DEMO_PASSWORD }

export interface App {
  home: StoreHome
  harness: Harness
  /** call a channel over HTTP with the page's cookie, as the renderer does */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /**
   * sign out through the user menu (when signed in) and sign in through the sign-in screen; the password defaults
   * to the demo's (demo accounts) or the fixture user's (`e2e`)
   */
  signInAs(login: string, password?: string): Promise<void>
  /** app.info's today (the services' clock) shifted by `days`, as YYYY-MM-DD */
  dayFromToday(days: number): Promise<string>
  screenshot(name: string): Promise<void>
}

export const test = base.extend<{ app: App; signedIn: boolean }>({
  /** false: the page opens on the first-run setup screen of an empty home (no users) */
  signedIn: [true, { option: true }],
  app: async ({ page, signedIn }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'casebinder-e2e-'))
    // on PostgreSQL (tests/e2e/pg-setup.ts): a database of its own for this test, dropped afterwards
    const pgServer = process.env.CASEBINDER_E2E_PG
    const scratch: ScratchDatabase | null = pgServer ? await createScratchDatabase(pgServer, 'cb_e2e') : null
    const home = scratch ? await openServerHome(dir, scratch.url, { actor: 'e2e', poolSize: 4 }) : await openHome(dir, { actor: 'e2e' })
    if (signedIn) {
      // the fixture's user, set up in-process as the first-run screen would (tests/e2e/auth.spec.ts does it by hand)
      const trusted = createContext(home, { actor: 'e2e', version: 'test' })
      const u = await callIn(trusted, 'users.bootstrap', { login: E2E_USER.login, name: E2E_USER.name, password: E2E_USER.password })
      await callIn(trusted, 'users.edit', { id: u.id, patch: { roles: [...ROLES] } })
    }
    const harness = await startHarness({
      staticDir: 'out/renderer',
      context: (emit) => createContext(home, { actor: 'e2e', emit, version: 'test' })
    })
    const problems: string[] = []
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`)
    })

    const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const res = await page.request.post(`${harness.origin}/api/${channel}`, { data: input })
      expect(res.status()).toBe(200)
      const result = (await res.json()) as Result<ChannelOutput<C>>
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      return result.value
    }

    const signInAs = async (login: string, password?: string) => {
      const menu = page.getByTestId('user-menu')
      if (await menu.isVisible()) {
        await menu.click()
        await page.getByTestId('menu-signout').click()
      }
      await expect(page.getByTestId('signin-view')).toBeVisible()
      await page.getByTestId('signin-login').fill(login)
      await page.getByTestId('signin-password').fill(password ?? (login === E2E_USER.login ? E2E_USER.password : DEMO_PASSWORD))
      await page.getByTestId('signin-submit').click()
      await expect(page.getByTestId('user-menu')).toBeVisible()
    }

    await page.goto(harness.url)
    await expect(page.getByTestId('product-name')).toHaveText('案卷通 CaseBinder')
    if (signedIn) await signInAs(E2E_USER.login)
    mkdirSync(SCREENSHOTS, { recursive: true })

    await use({
      home,
      harness,
      call,
      signInAs,
      async dayFromToday(days) {
        const { today } = await call('app.info', {})
        const d = new Date(`${today}T00:00:00Z`)
        d.setUTCDate(d.getUTCDate() + days)
        return d.toISOString().slice(0, 10)
      },
      async screenshot(name) {
        await page.waitForTimeout(350) // let transitions settle
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
      }
    })

    // leave the page first: a poll still running (a job's progress) must not reach a harness or a store being closed
    await page.goto('about:blank')
    await harness.close()
    await home.close()
    await scratch?.drop()
    rmSync(dir, { recursive: true, force: true })
    expect(problems, 'no page errors, console errors or CSP violations').toEqual([])
  }
})

export { expect }

export function welcomeDialog(page: Page) {
  return page.getByRole('dialog', { name: '欢迎使用案卷通' })
}

/** the table row (main body, not the fixed-column copies) that contains `text` */
export function officerRow(page: Page, text: string) {
  return page.locator('[data-testid=officers-table] .el-table__body-wrapper tr.el-table__row', { hasText: text })
}

/** an Element Plus form item's error message, found from the input inside it */
export function fieldError(page: Page, testid: string) {
  return page.locator('.el-form-item', { has: page.getByTestId(testid) }).locator('.el-form-item__error')
}
