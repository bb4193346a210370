import { readFileSync } from 'node:fs'
import { test, expect, welcomeDialog, officerRow } from './support'

// an empty home: the first-run setup screen
test.use({ signedIn: false })

test('demo data from the first-run screen, its accounts, sign-in; publicity lists download as BOM-prefixed CSV', async ({ page, app }) => {
  // (d) a new home has no accounts: the setup screen offers the demo or the administrator; nothing else is reachable
  await expect(page.getByTestId('setup-view')).toBeVisible()
  await expect(page.getByTestId('user-menu')).toHaveCount(0)
  await app.screenshot('setup-screen')
  await page.getByTestId('setup-demo').click()
  // the demo's sign-in accounts and their one password are shown before the user signs in
  const accounts = page.getByTestId('demo-accounts')
  await expect(accounts).toContainText('liufang', { timeout: 60_000 })
  await expect(accounts.locator('tr', { hasText: 'liufang' })).toContainText('法制审核人员')
  await expect(accounts.locator('tr', { hasText: 'zhaomin' })).toContainText('档案员')
  await expect(page.getByTestId('demo-password')).toHaveText('演示密码（所有账号相同）：demo2026')
  await app.screenshot('demo-accounts')
  await page.getByTestId('setup-go-signin').click()
  // the sign-in screen of a demo home lists the accounts; a wrong password is refused and says so
  await expect(page.getByTestId('signin-view')).toBeVisible()
  await page.getByTestId('demo-accounts').locator('tr', { hasText: 'admin' }).first().click()
  await expect(page.getByTestId('signin-login')).toHaveValue('admin')
  await page.getByTestId('signin-password').fill('wrong-password-1')
  await page.getByTestId('signin-submit').click()
  await expect(page.getByTestId('signin-error')).toHaveText('登录名或密码不正确')
  await app.screenshot('signin-wrong-password')
  await page.getByTestId('signin-password').fill('demo2026')
  await page.getByTestId('signin-submit').click()
  await expect(page.getByTestId('signed-in-name')).toHaveText('系统管理员')
  await expect(welcomeDialog(page)).toBeHidden()
  await page.getByTestId('nav-officers').click()
  await expect(page).toHaveURL(/#\/settings\/officers$/)
  await expect(page.getByTestId('header-agency')).toHaveText('江州市应急管理局')

  const rows = page.locator('[data-testid=officers-table] .el-table__body-wrapper tr.el-table__row')
  await expect(rows).toHaveCount(7)
  const statuses = page.locator('[data-testid=officers-table] [data-testid=officer-status]')
  await expect(statuses.filter({ hasText: '已过期' })).toHaveCount(1)
  await expect(statuses.filter({ hasText: /^即将到期（剩\d+天）$/ })).toHaveCount(1)
  await expect(statuses.filter({ hasText: /^有效$/ })).toHaveCount(5)
  await expect(officerRow(page, '赵敏').getByTestId('officer-status')).toHaveText('已过期')
  await expect(officerRow(page, '陈志强').getByTestId('officer-status')).toHaveText('即将到期（剩15天）')
  await expect(officerRow(page, '刘芳')).toContainText('法制审核')
  await expect(page.getByTestId('officers-summary')).toHaveText('在岗 7 人，其中 1 人证件已过期，1 人即将到期')
  await app.screenshot('officers-list')

  // publicity: the expired officer is left off, and says why
  await page.getByTestId('nav-publicity').click()
  await expect(page.getByRole('heading', { name: '事前公示清单' })).toBeVisible()
  await expect(page.getByTestId('omitted-table')).toContainText('赵敏')
  await expect(page.getByTestId('omitted-table')).toContainText('执法证已过期')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-officers-csv').click()])
  expect(download.suggestedFilename()).toBe('执法人员资格清单.csv')
  const csv = readFileSync(await download.path(), 'utf8')
  expect(csv.startsWith('\uFEFF序号,姓名,所在单位,职务,执法证号,证件类型,执法区域,有效期至,法制审核人员')).toBe(true)
  expect(csv).toContain('王建国')
  expect(csv).toContain('36040019001')
  expect(csv).not.toContain('赵敏')

  const [agencyCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-agency-csv').click()])
  expect(agencyCsv.suggestedFilename()).toBe('执法主体资格清单.csv')
  const agencyText = readFileSync(await agencyCsv.path(), 'utf8')
  expect(agencyText.startsWith('\uFEFF执法主体名称,统一社会信用代码')).toBe(true)
  expect(agencyText).toContain('11360400MB1C23456B')

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-html').click()])
  expect(html.suggestedFilename()).toBe('行政执法公示清单.html')
  expect(readFileSync(await html.path(), 'utf8')).toContain('江州市应急管理局<br>行政执法公示清单')
  await app.screenshot('publicity')

  // the activity record verifies
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-result')).toHaveText(/^完整（\d+ 条）$/)

  // the administrator registers no cases: a handler does (the header names who is signed in)
  await app.signInAs('wangjg')
  await expect(page.getByTestId('signed-in-name')).toHaveText('王建国')
  // language switch: the UI turns English, server data stays as stored; a case's 法制审核 tab shows its assessment
  await page.getByTestId('nav-publicity').click()
  const party = await app.call('parties.add', {
    kind: 'org',
    name: '江州市鑫达化工有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市浔阳区化工园区8号',
    legalRep: '周国华'
  })
  const c = await app.call('cases.registerAndFile', {
    register: {
      source: 'inspection',
      sourceDate: await app.dayFromToday(-3),
      procedure: 'general',
      cause: '未按规定对从业人员进行安全生产教育和培训',
      facts: '经查，……',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2]
    },
    filedOn: await app.dayFromToday(-2)
  })
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByRole('heading', { name: 'Lists published in advance' })).toBeVisible()
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  const review = page.getByTestId('tab-review')
  await expect(review.getByTestId('review-assessment')).toContainText('Major enforcement decision')
  await expect(review.getByTestId('review-major')).toContainText('Not in the catalogue of major decisions')
  await expect(review.getByTestId('gate-list')).toContainText('Steps before the decision')
  await expect(review.getByTestId('review-rounds')).toContainText('Not submitted for legal review yet')
  await expect(page.getByTestId('not-available')).toHaveCount(0)
  await page.getByTestId('nav-officers').click()
  await expect(page.getByTestId('officers-summary')).toHaveText('7 active, of whom 1 with expired and 1 with expiring certificates')
  await expect(officerRow(page, '赵敏').getByTestId('officer-status')).toHaveText('Expired')
  await app.screenshot('officers-list-en')
  await page.getByTestId('language-switch').getByText('中文').click()
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await expect(review.getByTestId('review-assessment')).toContainText('重大执法决定认定')
  await expect(review.getByTestId('review-major')).toContainText('不属于重大执法决定目录范围')
  await expect(review.getByTestId('gate-list').getByTestId('gate-notice')).toContainText('尚未送达行政处罚告知书')
  await expect(review.getByTestId('review-submit')).toHaveText('提交法制审核')
})
