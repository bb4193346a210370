import type { Page } from '@playwright/test'
import { test, expect, welcomeDialog, officerRow, fieldError } from './support'
import * as q from '../../src-main/store/engine/sql'

async function addOfficer(page: Page, o: { name: string; post?: string; certNo: string; validUntil: string; legalReviewer?: boolean }) {
  await page.getByTestId('officer-add').click()
  const dialog = page.getByRole('dialog', { name: '新增执法人员' })
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('officer-name').fill(o.name)
  if (o.post) await dialog.getByTestId('officer-post').fill(o.post)
  await dialog.getByTestId('officer-unit').fill('江州市应急管理综合行政执法支队')
  await dialog.getByTestId('officer-certNo').fill(o.certNo)
  const date = dialog.getByTestId('officer-validUntil').locator('input')
  await date.fill(o.validUntil)
  await date.press('Enter')
  await expect(date).toHaveValue(o.validUntil)
  if (o.legalReviewer) await dialog.getByTestId('officer-legalReviewer').click()
  await dialog.getByTestId('officer-save').click()
  return dialog
}

test('officers: expiring and expired certificates are flagged, a duplicate certificate number is refused on the field', async ({
  page,
  app
}) => {
  await welcomeDialog(page).getByRole('button', { name: '开始设置' }).click()
  await page.getByTestId('nav-officers').click()
  await expect(page).toHaveURL(/#\/settings\/officers$/)
  await expect(page.getByText('尚未登记执法人员')).toBeVisible()

  const in10 = await app.dayFromToday(10)
  const past = await app.dayFromToday(-5)

  // instant validation from the core schema: a one-character name and a malformed certificate number
  await page.getByTestId('officer-add').click()
  const dialog = page.getByRole('dialog', { name: '新增执法人员' })
  await dialog.getByTestId('officer-name').fill('张')
  await dialog.getByTestId('officer-name').blur()
  await expect(fieldError(page, 'officer-name')).toHaveText('姓名至少2个字')
  await dialog.getByTestId('officer-save').click()
  await expect(fieldError(page, 'officer-certNo')).toHaveText('请填写执法证号')
  await expect(fieldError(page, 'officer-validUntil')).toHaveText('证件有效期应为有效日期，格式 YYYY-MM-DD')
  await dialog.getByTestId('officer-certNo').fill('36_04')
  await expect(fieldError(page, 'officer-certNo')).toHaveText('执法证号应为4至32位数字或字母（可含连字符）')
  await app.screenshot('officer-dialog-validation')
  await dialog.getByTestId('officer-cancel').click()
  await expect(dialog).toBeHidden()

  let d = await addOfficer(page, { name: '张卫东', post: '科员', certNo: '36040020001', validUntil: in10, legalReviewer: true })
  await expect(d).toBeHidden()
  await expect(officerRow(page, '张卫东').getByTestId('officer-status')).toHaveText('即将到期（剩10天）')
  await expect(officerRow(page, '张卫东').getByText('法制审核')).toBeInViewport()

  d = await addOfficer(page, { name: '林晓梅', certNo: '36040020002', validUntil: past })
  await expect(d).toBeHidden()
  await expect(officerRow(page, '林晓梅').getByTestId('officer-status')).toHaveText('已过期')
  await expect(page.getByTestId('officers-summary')).toHaveText('在岗 2 人，其中 1 人证件已过期，1 人即将到期')

  // the same certificate number again: the service refuses it and the message sits on the certificate field
  d = await addOfficer(page, { name: '王重复', certNo: '36040020001', validUntil: in10 })
  await expect(fieldError(page, 'officer-certNo')).toHaveText('执法证号已登记给 张卫东')
  await expect(d).toBeVisible()
  // editing the field clears the server message
  await d.getByTestId('officer-certNo').fill('36040020009')
  await expect(fieldError(page, 'officer-certNo')).toHaveCount(0)
  await d.getByTestId('officer-cancel').click()
  await expect(officerRow(page, '王重复')).toHaveCount(0)

  // edit: the legal-review flag off
  await officerRow(page, '张卫东').getByTestId('officer-edit').click()
  const edit = page.getByRole('dialog', { name: '编辑执法人员' })
  await expect(edit.getByTestId('officer-name')).toHaveValue('张卫东')
  await edit.getByTestId('officer-post').fill('副科长')
  await edit.getByTestId('officer-save').click()
  await expect(edit).toBeHidden()
  await expect(officerRow(page, '张卫东')).toContainText('副科长')

  await app.screenshot('officers-added')

  // reload: still listed, with the same states
  await page.reload()
  await expect(officerRow(page, '张卫东').getByTestId('officer-status')).toHaveText('即将到期（剩10天）')
  await expect(officerRow(page, '林晓梅').getByTestId('officer-status')).toHaveText('已过期')

  // and really stored: through the contract over HTTP ...
  const list = await app.call('officers.list', { includeInactive: true })
  expect(list.map((o) => [o.name, o.certNo, o.validUntil, o.expiry.state, o.post])).toEqual([
    ['张卫东', '36040020001', in10, 'expiring', '副科长'],
    ['林晓梅', '36040020002', past, 'expired', '']
  ])
  // ... and in the database, with one activity entry per change
  const actions = await q.all<{ action: string }>(
    app.home.store,
    "SELECT action FROM activity_log WHERE target_type = 'officer' ORDER BY seq"
  )
  expect(actions.map((a) => a.action)).toEqual(['officer.add', 'officer.add', 'officer.edit'])
})

test('officers: a deactivated officer is hidden unless "show deactivated" is on, and can be reactivated', async ({ page, app }) => {
  await app.call('demo.load', {})
  await page.goto(`${app.harness.origin}/#/settings/officers`)
  await expect(welcomeDialog(page)).toBeHidden()
  await expect(officerRow(page, '孙磊')).toHaveCount(1)

  await officerRow(page, '孙磊').getByTestId('officer-deactivate').click()
  const box = page.getByRole('dialog', { name: '停用执法人员' })
  await expect(box).toContainText('确定停用 孙磊 吗？')
  await box.getByRole('textbox').fill('调离')
  await box.getByRole('button', { name: '停用' }).click()
  await expect(page.locator('.el-message--success', { hasText: '已停用 孙磊' })).toBeVisible()

  await expect(officerRow(page, '孙磊')).toHaveCount(0)
  await expect(page.getByTestId('officers-summary')).toHaveText('在岗 6 人，其中 1 人证件已过期，1 人即将到期')
  const stored = (await app.call('officers.list', { includeInactive: true })).find((o) => o.name === '孙磊')
  expect(stored).toMatchObject({ active: false, deactivationReason: '调离' })

  await page.getByTestId('show-inactive').click()
  await expect(officerRow(page, '孙磊').getByTestId('officer-status')).toHaveText('已停用')
  await expect(page.getByTestId('officers-summary')).toHaveText('在岗 6 人，其中 1 人证件已过期，1 人即将到期，已停用 1 人')
  await app.screenshot('officers-with-deactivated')

  await page.getByTestId('show-inactive').click()
  await expect(officerRow(page, '孙磊')).toHaveCount(0)

  // reactivate
  await page.getByTestId('show-inactive').click()
  await officerRow(page, '孙磊').getByTestId('officer-reactivate').click()
  await expect(officerRow(page, '孙磊').getByTestId('officer-status')).toHaveText('有效')
  await page.getByTestId('show-inactive').click()
  await expect(officerRow(page, '孙磊')).toHaveCount(1)
  expect((await app.call('officers.list', {})).length).toBe(7)
})
