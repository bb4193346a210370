import { test, expect } from './support'

test('approvals: a head records the 结案审批 from the case screen; the case closes and the approval names him', async ({ page, app }) => {
  await app.call('demo.load', { cases: 30 })
  const c = (await app.call('cases.list', { status: ['closing_approval'], limit: 5 })).items[0]!
  // a handler is offered no approval
  await app.signInAs('lixh')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}`)
  await expect(page.getByTestId('case-title')).toHaveText(c.name)
  await expect(page.getByRole('button', { name: '审批' })).toHaveCount(0)

  await app.signInAs('zhouwb')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}`)
  await page.getByRole('button', { name: '审批' }).first().click()
  const d = page.getByTestId('approve-dialog')
  // an approval without an opinion is not sent
  await d.getByTestId('approve-save').click()
  await expect(d.locator('.el-form-item__error')).toHaveText('请填写审批意见')
  await d.locator('textarea[data-testid=approve-opinion], [data-testid=approve-opinion] textarea').first().fill('同意结案。')
  await app.screenshot('approve-dialog')
  await d.getByTestId('approve-save').click()
  await expect(d).toBeHidden()
  await expect(page.locator('.el-message--success', { hasText: '已记录结案审批：同意' })).toBeVisible()
  await expect(page.getByTestId('status-tag').first()).toHaveText('已结案')
  const after = await app.call('cases.get', { ref: String(c.id) })
  expect(after.approvals.at(-1)).toMatchObject({ kind: 'closing', outcome: 'approved', approverName: '周文斌' })
  await app.screenshot('approved-closed')
})
