import { test, expect, welcomeDialog, fieldError } from './support'
import * as q from '../../src-main/store/engine/sql'

const GOOD = {
  name: '江州市应急管理局',
  shortName: '江',
  address: '江州市滨江区人民路188号',
  postcode: '332000',
  phone: '0792-8123456',
  reconsiderationBody: '江州市人民政府',
  court: '江州市滨江区人民法院'
}

test('first run: start blank, the credit code is checked as typed, saving is blocked until fixed, values persist', async ({
  page,
  app
}) => {
  // (a) a real home, its administrator signed in: the welcome dialog lists the first steps (no demo on a real home)
  const welcome = welcomeDialog(page)
  await expect(welcome).toBeVisible()
  await expect(welcome).toContainText('用户与权限')
  await expect(welcome.getByRole('button', { name: '载入演示数据' })).toHaveCount(0)
  await app.screenshot('welcome-dialog')
  await welcome.getByRole('button', { name: '开始设置' }).click()
  await expect(welcome).toBeHidden()
  await expect(page).toHaveURL(/#\/settings\/agency$/)
  await expect(page.getByRole('heading', { name: '执法主体' })).toBeVisible()
  await expect(page.getByTestId('header-agency')).toHaveText('尚未登记执法主体')

  // hints are shown with the fields
  await expect(page.getByText('本级人民政府（行政复议法2023年修订第二十四条）')).toBeVisible()
  await expect(page.getByText('用于文书编号，如（江）应急罚〔2026〕1号')).toBeVisible()

  // saving an empty form is blocked, with the schema's own messages on the required fields
  await page.getByTestId('agency-save').click()
  await expect(fieldError(page, 'agency-name')).toHaveText('请填写机关名称')
  await expect(fieldError(page, 'agency-creditCode')).toHaveText('请填写统一社会信用代码')

  for (const [key, value] of Object.entries(GOOD)) await page.getByTestId(`agency-${key}`).fill(value)
  await expect(fieldError(page, 'agency-name')).toHaveCount(0)

  // a character that is never used shows at once; a wrong check character as soon as 18 are typed
  const code = page.getByTestId('agency-creditCode')
  await code.fill('91350100M00O')
  await expect(fieldError(page, 'agency-creditCode')).toHaveText('统一社会信用代码含有不允许的字符（不使用字母 I、O、S、V、Z）')
  await code.fill('')
  await code.pressSequentially('91350100M000100Y44')
  await expect(fieldError(page, 'agency-creditCode')).toHaveText('统一社会信用代码校验位不正确，请核对后重新输入')
  // an invalid postcode, found on blur
  await page.getByTestId('agency-postcode').fill('33200')
  await page.getByTestId('agency-postcode').blur()
  await expect(fieldError(page, 'agency-postcode')).toHaveText('邮政编码应为6位数字')
  await app.screenshot('agency-form-validation-error')

  await page.getByTestId('agency-save').click()
  await expect(page.locator('.el-message', { hasText: '请先更正标出的错误' }).first()).toBeVisible()
  expect(await app.call('agency.get', {}), 'nothing was saved').toBeNull()

  // fix both, save
  await page.getByTestId('agency-postcode').fill(GOOD.postcode)
  await code.fill('91350100m000100y43') // lower case is normalised
  await expect(fieldError(page, 'agency-creditCode')).toHaveCount(0)
  await expect(fieldError(page, 'agency-postcode')).toHaveCount(0)
  await page.getByTestId('agency-save').click()
  await expect(page.locator('.el-message--success', { hasText: '已保存' })).toBeVisible()
  await expect(page.getByTestId('header-agency')).toHaveText(GOOD.name)

  // persisted in the service: read back over HTTP and straight from the database
  const saved = await app.call('agency.get', {})
  expect(saved).toMatchObject({ ...GOOD, creditCode: '91350100M000100Y43' })
  const row = await q.get<{ n: number }>(app.home.store, 'SELECT COUNT(*) AS n FROM activity_log WHERE action = ?', ['agency.set'])
  expect(Number(row?.n)).toBe(1)

  // reload: no welcome dialog any more, the form shows the stored values
  await page.reload()
  await expect(page.getByTestId('agency-creditCode')).toHaveValue('91350100M000100Y43')
  for (const [key, value] of Object.entries(GOOD)) await expect(page.getByTestId(`agency-${key}`)).toHaveValue(value)
  await expect(welcomeDialog(page)).toBeHidden()

  // the activity record is intact
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-result')).toHaveText(/完整（\d+ 条）/)
})
