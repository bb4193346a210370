import type { Page } from '@playwright/test'
import { test, expect } from './support'

// an empty home, as a new bureau's first start: the administrator is created on the first-run screen
test.use({ signedIn: false })

const ADMIN = { login: 'admin', name: '吴建平', password: 'Jzyj-admin-2026' }

async function signIn(page: Page, login: string, password: string) {
  await page.getByTestId('signin-login').fill(login)
  await page.getByTestId('signin-password').fill(password)
  await page.getByTestId('signin-submit').click()
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-signout').click()
  await expect(page.getByTestId('signin-view')).toBeVisible()
}

test('accounts: the first administrator, a user with a role, sign-in refusals, the lock after failures, the idle lock keeps unsaved work', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  // ---- first run: a weak password is refused on its field; then the administrator is created and signed in
  await expect(page.getByTestId('setup-view')).toBeVisible()
  await page.getByTestId('setup-name').fill(ADMIN.name)
  await page.getByTestId('setup-password').fill('short')
  await page.getByTestId('setup-password2').fill('short')
  await page.getByTestId('setup-admin').click()
  await expect(page.getByTestId('setup-error')).toContainText('密码至少 8 位')
  await page.getByTestId('setup-password').fill(ADMIN.password)
  await page.getByTestId('setup-password2').fill(ADMIN.password)
  await page.getByTestId('setup-admin').click()
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.name)
  // a real home is never offered the demo
  await expect(page.getByTestId('welcome-dialog')).toBeVisible()
  await expect(page.getByTestId('welcome-dialog')).not.toContainText('演示')
  await page.getByTestId('welcome-blank').click()

  // ---- the administrator opens an account for a clerk (内勤) through 用户与权限
  await page.getByTestId('nav-users').click()
  await expect(page).toHaveURL(/#\/settings\/users$/)
  await page.getByTestId('user-add').click()
  const dialog = page.getByTestId('user-dialog')
  await dialog.getByTestId('user-login').fill('sunl')
  await dialog.getByTestId('user-name').fill('孙丽')
  await dialog.getByTestId('user-role-clerk').click()
  await dialog.getByTestId('user-password').fill('Neiqin-2026')
  await dialog.getByTestId('user-password2').fill('Neiqin-2026')
  await app.screenshot('users-add-dialog')
  await dialog.getByTestId('user-save').click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('users-table').locator('tr', { hasText: 'sunl' })
  await expect(row).toContainText('孙丽')
  await expect(row).toContainText('内勤')
  await app.screenshot('users-list')

  // ---- sign out; a wrong password is refused without saying which part was wrong
  await signOut(page)
  await signIn(page, 'sunl', 'Wrong-pass-1')
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码不正确')
  await signIn(page, 'nobody', 'Wrong-pass-1')
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码不正确')

  // ---- the clerk: no user administration in the menu, and the service refuses it too
  await signIn(page, 'sunl', 'Neiqin-2026')
  await expect(page.getByTestId('signed-in-name')).toHaveText('孙丽')
  await expect(page.getByTestId('nav-users')).toHaveCount(0)
  await expect(app.call('users.list', {})).rejects.toThrow(/FORBIDDEN: 只有管理员可以执行此操作/)
  await expect(app.call('agency.set', { name: 'x' } as never)).rejects.toThrow(/FORBIDDEN|VALIDATION_FAILED/)

  // ---- five wrong passwords lock the account, with the time it opens again
  await signOut(page)
  for (let i = 0; i < 4; i++) {
    await signIn(page, 'sunl', `Wrong-pass-${i}`)
    await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码不正确')
  }
  await signIn(page, 'sunl', 'Wrong-pass-9')
  await expect(page.getByTestId('signin-error')).toContainText('账户已锁定')
  await signIn(page, 'sunl', 'Neiqin-2026')
  await expect(page.getByTestId('signin-error')).toContainText('账户已锁定')
  await app.screenshot('signin-locked')

  // ---- the administrator sees the lock and lifts it by resetting the password
  await signIn(page, ADMIN.login, ADMIN.password)
  await page.getByTestId('nav-users').click()
  await expect(page.getByTestId('users-table').locator('tr', { hasText: 'sunl' }).getByTestId('user-status')).toContainText('已锁定')
  const entries = await app.call('audit.list', { limit: 200 })
  const actions = entries.map((e) => `${e.action}:${e.actor}`)
  expect(actions).toEqual(expect.arrayContaining(['auth.signIn:admin', 'auth.signIn:sunl', 'auth.signOut:sunl']))
  expect(entries.find((e) => e.action === 'user.locked')?.summary).toContain('账户 sunl 连续 5 次登录失败')
  // a reset password lifts the lock
  await page.getByTestId('users-table').locator('tr', { hasText: 'sunl' }).getByTestId('user-reset').click()
  const reset = page.getByTestId('reset-dialog')
  await reset.getByTestId('reset-password').fill('Neiqin-2027')
  await reset.getByTestId('reset-password2').fill('Neiqin-2027')
  await reset.getByTestId('reset-save').click()
  await expect(reset).toBeHidden()
  await expect(page.getByTestId('users-table').locator('tr', { hasText: 'sunl' }).getByTestId('user-status')).toHaveText('启用')
  await signOut(page)
  await signIn(page, 'sunl', 'Neiqin-2027')
  await expect(page.getByTestId('signed-in-name')).toHaveText('孙丽')

  // ---- she changes the password the administrator gave her: the current one is asked again
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-password').click()
  const change = page.getByTestId('password-dialog')
  await change.getByTestId('password-current').fill('Wrong-pass-7')
  await change.getByTestId('password-next').fill('Neiqin-2028')
  await change.getByTestId('password-next2').fill('Neiqin-2028')
  await change.getByTestId('password-save').click()
  await expect(change.getByTestId('password-error')).toHaveText('当前密码不正确')
  await change.getByTestId('password-current').fill('Neiqin-2027')
  await change.getByTestId('password-save').click()
  await expect(change).toBeHidden()
  await expect(page.locator('.el-message--success', { hasText: '密码已修改' })).toBeVisible()

  // ---- the idle lock: unsaved text in a form survives the lock and the same user's sign-in
  // the page's clock is faked from here (installed before the app starts its timers), so idleness can be fast-forwarded
  await page.clock.install()
  await page.reload()
  await expect(page.getByTestId('signed-in-name')).toHaveText('孙丽')
  await page.getByTestId('nav-cases').click()
  await page.getByTestId('case-new').click()
  const cause = '未按规定对从业人员进行安全生产教育和培训'
  await page.getByTestId('case-cause').fill(cause)
  await page.clock.fastForward('31:00')
  const lock = page.getByTestId('lock-screen')
  await expect(lock).toBeVisible()
  await expect(lock).toContainText('孙丽（sunl）')
  await expect(lock).toContainText('未保存的内容仍在页面中')
  await app.screenshot('lock-screen')
  // the door ended the session too: a call now needs sign-in
  await expect(app.call('cases.list', {})).rejects.toThrow(/AUTH_REQUIRED/)
  await lock.getByTestId('signin-password').fill('Neiqin-2028')
  await lock.getByTestId('signin-submit').click()
  await expect(lock).toBeHidden()
  await expect(page.getByTestId('case-cause')).toHaveValue(cause)
})
