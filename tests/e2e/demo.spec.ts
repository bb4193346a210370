import { readFileSync } from 'node:fs'
import { test, expect, welcomeDialog, officerRow } from './support'

test('demo data from the welcome dialog; publicity lists download as BOM-prefixed CSV', async ({ page, app }) => {
  // (d) load the demo from the first-run dialog
  await welcomeDialog(page).getByRole('button', { name: '载入演示数据' }).click()
  await expect(page.locator('.el-message--success', { hasText: '已载入演示数据：执法人员 7 名' })).toBeVisible()
  await expect(welcomeDialog(page)).toBeHidden()
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

  // language switch: the UI turns English, server data stays as stored; placeholders are honest
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByRole('heading', { name: 'Lists published in advance' })).toBeVisible()
  await page.getByRole('menuitem', { name: 'Documents' }).click()
  await expect(page.getByTestId('not-available')).toContainText('Not available yet')
  await page.getByTestId('nav-officers').click()
  await expect(page.getByTestId('officers-summary')).toHaveText('7 active, of whom 1 with expired and 1 with expiring certificates')
  await expect(officerRow(page, '赵敏').getByTestId('officer-status')).toHaveText('Expired')
  await app.screenshot('officers-list-en')
  await page.getByTestId('language-switch').getByText('中文').click()
  await page.getByRole('menuitem', { name: '文书', exact: true }).click()
  await expect(page.getByTestId('not-available')).toContainText('该功能尚未提供')
})
