import type { Locator, Page } from '@playwright/test'
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../../src-main/core/credit-code'
import { residentIdCheckChar } from '../../src-main/core/resident-id'
import { test, expect, fieldError } from './support'

/** the visible dropdown item of an Element Plus select (poppers are teleported to <body>) */
function option(page: Page, text: string | RegExp): Locator {
  return page.locator('.el-select-dropdown__item:visible', { hasText: text })
}

async function pickDate(wrapper: Locator, date: string) {
  const input = wrapper.locator('input')
  await input.fill(date)
  await input.press('Enter')
  await expect(input).toHaveValue(date)
}

const FIRST17 = '91360402705319621'
const GOOD_CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17)
const BAD_CREDIT_CODE = FIRST17 + [...CREDIT_CODE_ALPHABET].find((c) => c !== creditCodeCheckChar(FIRST17))!
const ID17 = '36040219850315123'
const GOOD_ID = ID17 + residentIdCheckChar(ID17)

test('cases: add a party, file a general case (officer rule), search it, follow its deadlines, advance it', async ({ page, app }) => {
  test.setTimeout(180_000)
  await app.call('demo.load', { cases: 0 })
  const today = (await app.call('app.info', {})).today
  const year = today.slice(0, 4)

  // the signed-in user, linked to the officer 王建国, drives the workbench and preselects the officer
  await app.signInAs('wangjg')
  await expect(page.getByTestId('header-agency')).toHaveText('江州市应急管理局')
  await expect(page.getByTestId('signed-in-name')).toHaveText('王建国')

  // ---- (a) a party through the UI, with a validation error first
  await page.getByTestId('nav-cases').click()
  await expect(page).toHaveURL(/#\/cases$/)
  await expect(page.getByTestId('cases-table')).toContainText('尚未登记案件')
  await page.getByTestId('case-new').click()
  await expect(page).toHaveURL(/#\/cases\/new$/)

  await page.getByTestId('party-add').click()
  const partyDialog = page.getByRole('dialog', { name: '新增当事人' })
  await expect(partyDialog).toBeVisible()
  await partyDialog.getByTestId('party-name').fill('江州市恒安化工有限公司')
  await partyDialog.getByTestId('party-creditCode').fill(BAD_CREDIT_CODE)
  await expect(fieldError(page, 'party-creditCode')).toHaveText('统一社会信用代码校验位不正确，请核对后重新输入')
  await app.screenshot('party-dialog-error')
  await partyDialog.getByTestId('party-creditCode').fill(GOOD_CREDIT_CODE)
  await expect(fieldError(page, 'party-creditCode')).toHaveCount(0)
  await partyDialog.getByTestId('party-legalRep').fill('张国华')
  await partyDialog.getByTestId('party-legalRepPost').fill('总经理')
  await partyDialog.getByTestId('party-address').fill('江州市经开区化工园区纬三路8号')
  await partyDialog.getByTestId('party-phone').fill('0792-8234567')
  await partyDialog.getByTestId('party-save').click()
  await expect(partyDialog).toBeHidden()
  const picker = page.getByTestId('party-picker')
  await expect(picker).toContainText('江州市恒安化工有限公司')
  const parties = await app.call('parties.list', { q: '恒安化工', limit: 10 })
  expect(parties.map((p) => p.name)).toEqual(['江州市恒安化工有限公司'])
  expect(parties[0]!.identityKey).toBe(`cc:${GOOD_CREDIT_CODE}`)

  // the same credit code again: instant duplicate hint offering the existing party
  await page.getByTestId('party-add').click()
  await partyDialog.getByTestId('party-creditCode').fill(GOOD_CREDIT_CODE)
  await expect(partyDialog.getByTestId('party-duplicate')).toContainText('已登记为当事人“江州市恒安化工有限公司”')
  await partyDialog.getByTestId('party-use-existing').click()
  await expect(partyDialog).toBeHidden()
  await expect(picker.locator('.el-tag')).toHaveCount(1)

  // ---- the case: only one officer first (the current user, preselected)
  await page.getByTestId('case-cause').fill('未按规定对从业人员进行安全生产教育和培训')
  await page
    .getByTestId('case-facts')
    .fill('执法人员在监督检查中发现，该公司液氨储罐区当班操作工三人未经安全生产教育和培训即上岗作业，现场无培训记录。')
  await expect(page.getByTestId('preview-name')).toHaveText('江州市恒安化工有限公司未按规定对从业人员进行安全生产教育和培训案')
  const decisionDue = (await app.call('calendar.preview', { start: today, length: 90, unit: 'CD' })).due
  await expect(page.getByTestId('preview-decision')).toContainText(decisionDue)
  const officers = page.getByTestId('officer-picker')
  await expect(officers).toContainText('王建国')
  // an officer with an expired certificate is listed but cannot be picked
  await officers.click()
  await expect(option(page, '赵敏')).toHaveClass(/is-disabled/)
  await page.keyboard.press('Escape')

  await page.getByTestId('case-register-and-file').click()
  await expect(page.getByTestId('case-form-error')).toContainText('执法人员不得少于两人')
  await expect(fieldError(page, 'officer-picker')).toContainText('执法人员不得少于两人')
  await app.screenshot('case-form-error')
  // one transaction: the refused filing left no registered case behind
  expect((await app.call('cases.list', { limit: 10, offset: 0 })).total).toBe(0)

  await officers.click()
  await option(page, '李晓红').click()
  await page.keyboard.press('Escape')
  await expect(fieldError(page, 'officer-picker')).toHaveCount(0)
  await page.getByTestId('case-register-and-file').click()
  await expect(page).toHaveURL(/#\/cases\/\d+$/)
  const number = `（江）应急立〔${year}〕1号`
  await expect(page.getByTestId('case-number')).toHaveText(number)
  await expect(page.getByTestId('status-tag').first()).toHaveText('已立案')
  const caseId = Number(/#\/cases\/(\d+)$/.exec(page.url())![1])

  // persisted
  let saved = await app.call('cases.get', { ref: String(caseId) })
  expect(saved.number).toBe(number)
  expect(saved.status).toBe('filed')
  expect(saved.filedOn).toBe(today)
  expect(saved.officers.map((o) => o.name).sort()).toEqual(['李晓红', '王建国'].sort())
  expect(saved.parties.map((p) => p.name)).toEqual(['江州市恒安化工有限公司'])

  // ---- (c) its deadlines on the detail page
  const deadlines = page.getByTestId('case-deadlines')
  const decisionRow = deadlines.locator('.el-table__body tr', { hasText: '作出处理决定期限' })
  await expect(decisionRow).toContainText(decisionDue)
  await expect(decisionRow).toContainText('90日')
  await expect(decisionRow.getByTestId('alert-tag')).toHaveText('未到期')
  await expect(deadlines.locator('.el-table__body tr', { hasText: '立案期限' }).getByTestId('alert-tag')).toHaveText('已完成')
  await expect(page.getByTestId('case-officer')).toHaveCount(2)
  await expect(page.getByTestId('case-officer').first()).toContainText('3604001900')
  await app.screenshot('case-detail')

  // party block: personal data masked (none for an organisation), the timeline lists the events
  await page.getByRole('tab', { name: '当事人' }).click()
  await expect(page.getByTestId('party-block')).toContainText('江州市恒安化工有限公司')
  await expect(page.getByTestId('party-field-creditCode')).toHaveText(GOOD_CREDIT_CODE)
  await page.getByRole('tab', { name: '全过程记录' }).click()
  await expect(page.getByTestId('timeline-item')).toHaveCount(2)
  await expect(page.getByTestId('tab-timeline')).toContainText('案源登记')
  await app.screenshot('case-timeline')
  await page.getByRole('tab', { name: '文书' }).click()
  await expect(page.getByTestId('documents-table')).toContainText('本案尚无文书')
  await page.getByRole('tab', { name: '基本信息' }).click()

  // ---- (d) advance one step: only the allowed statuses are offered
  await page.getByTestId('action-advance').click()
  const advance = page.getByRole('dialog', { name: '推进案件' })
  await expect(advance).toBeVisible()
  await expect(advance.getByTestId('advance-options').locator('.el-radio-button')).toHaveText(['调查取证', '撤销', '终止', '移送'])
  await expect(advance.getByTestId('advance-options')).not.toContainText('决定')
  await app.screenshot('case-advance-dialog')
  await advance.getByTestId('advance-to-investigating').click()
  await advance.getByTestId('advance-note').fill('开始调查取证')
  await advance.getByTestId('advance-save').click()
  await expect(advance).toBeHidden()
  await expect(page.getByTestId('status-tag').first()).toHaveText('调查取证')
  saved = await app.call('cases.get', { ref: String(caseId) })
  expect(saved.status).toBe('investigating')
  expect(saved.allowedTransitions).not.toContain('decided')
  // the service refuses an illegal move too
  await expect(app.call('cases.transition', { id: caseId, to: 'decided', date: today, note: '' })).rejects.toThrow(
    'CASE_TRANSITION_INVALID'
  )

  // ---- (b) find it by a Chinese substring of its facts; the hit is highlighted in the snippet
  await page.getByTestId('case-back').click()
  await expect(page).toHaveURL(/#\/cases$/)
  await page.getByTestId('case-search').fill('液氨储罐')
  const rows = page.locator('[data-testid=cases-table] .el-table__body-wrapper tr.el-table__row')
  await expect(page.getByTestId('snippet')).toHaveCount(1)
  await expect(rows).toHaveCount(1)
  await expect(rows.first().getByTestId('case-name')).toHaveText('江州市恒安化工有限公司未按规定对从业人员进行安全生产教育和培训案')
  await expect(rows.first().locator('mark')).toHaveText('液氨储罐')
  await expect(rows.first().getByTestId('snippet')).not.toContainText('【')
  await expect(rows.first()).toContainText(number)
  await expect(rows.first()).toContainText('调查取证')
  await app.screenshot('case-list-search')
  await page.getByTestId('case-search').fill('没有这种案情')
  await expect(page.getByTestId('cases-table')).toContainText('没有符合条件的案件')
  await page.getByTestId('case-search').fill('')
  await expect(rows).toHaveCount(1)

  // ---- (c) a second case whose filing deadline has passed: registered 40 days ago (16+ working days)
  await app.call('parties.add', {
    kind: 'person',
    name: '欧阳建华',
    idNumber: GOOD_ID,
    address: '江州市滨江区沿江路12号',
    phone: '13807921234'
  })
  const sourceDate = await app.dayFromToday(-40)
  await page.getByTestId('case-new').click()
  await page.getByTestId('case-source').click()
  await option(page, '投诉举报').click()
  await pickDate(page.getByTestId('case-sourceDate'), sourceDate)
  await expect(page.getByTestId('preview-filing').getByTestId('alert-tag')).toHaveText('已逾期')
  await picker.locator('input').fill('欧阳建华')
  await option(page, '欧阳建华').click()
  await page.keyboard.press('Escape')
  await page.getByTestId('case-cause').fill('未按规定设置安全警示标志')
  await page.getByTestId('case-register').click()
  await expect(page).toHaveURL(/#\/cases\/\d+$/)
  await expect(page.getByTestId('status-tag').first()).toHaveText('案源登记')
  await expect(page.getByTestId('case-number')).toHaveText('尚未编号')
  const filingRow = page.getByTestId('case-deadlines').locator('.el-table__body tr', { hasText: '立案期限' })
  await expect(filingRow.getByTestId('alert-tag')).toHaveText('已逾期')
  const second = await app.call('cases.get', { ref: /#\/cases\/(\d+)$/.exec(page.url())![1]! })
  expect(second.status).toBe('registered')
  expect(second.sourceDate).toBe(sourceDate)
  expect(second.deadlines.find((d) => d.code === 'filing')?.alert).toBe('overdue')

  // the party block masks the person's ID number and phone until shown
  await page.getByRole('tab', { name: '当事人' }).click()
  await expect(page.getByTestId('party-field-idNumber')).toHaveText(`${GOOD_ID.slice(0, 6)}********${GOOD_ID.slice(14)}`)
  await expect(page.getByTestId('party-field-phone')).toHaveText('138****1234')
  await app.screenshot('case-parties-masked')
  await page.getByTestId('party-reveal').click()
  await expect(page.getByTestId('party-field-idNumber')).toHaveText(GOOD_ID)

  // the workbench: the overdue filing deadline is listed, and leads to the case
  await page.getByTestId('nav-workbench').click()
  const overdue = page.getByTestId('deadlines-overdue')
  await expect(overdue.getByTestId('deadline-row')).toHaveCount(1)
  await expect(overdue).toContainText('欧阳建华未按规定设置安全警示标志案')
  await expect(overdue).toContainText('立案期限')
  await expect(page.getByTestId('count-investigating')).toContainText('1')
  await expect(page.getByTestId('count-registered')).toContainText('1')
  await expect(page.getByTestId('workbench-my-cases').locator('.el-table__body tr')).toHaveCount(2)
  await app.screenshot('workbench')
  await overdue.getByTestId('deadline-row').click()
  await expect(page).toHaveURL(new RegExp(`#/cases/${second.id}$`))
  await expect(page.getByTestId('case-title')).toHaveText('欧阳建华未按规定设置安全警示标志案')

  // English: the chrome and the status names translate, server data stays as stored, no raw message keys
  const rawKey = /\b(labels|caseDetail|caseForm|cases|workbench|party|calendar|rules|me)\.[a-zA-Z]/
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByRole('tab', { name: 'Activity record' })).toBeVisible()
  await expect(page.getByTestId('status-tag').first()).toHaveText('Lead registered')
  await expect(page.getByTestId('case-deadlines')).toContainText('15 working days')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await app.screenshot('case-detail-en')
  await page.getByTestId('nav-workbench').click()
  await expect(page.getByTestId('deadlines-overdue')).toContainText('Overdue')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await app.screenshot('workbench-en')
  await page.getByTestId('nav-cases').click()
  await expect(page.getByTestId('cases-total')).toHaveText('2 cases')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await app.screenshot('case-list-en')
  await page.getByTestId('case-new').click()
  await expect(page.getByTestId('case-register')).toHaveText('Register lead')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await app.screenshot('case-form-en')
  await page.getByTestId('language-switch').getByText('中文').click()
  await expect(page.getByTestId('case-register')).toHaveText('登记案源')
})

test('settings: working calendar years, import with a validation message, read-only deadline rules', async ({ page, app }) => {
  await app.call('demo.load', { cases: 0 })
  await page.reload()
  await page.getByTestId('nav-calendar').click()
  const table = page.getByTestId('calendar-table')
  await expect(table).toContainText('2026')
  const years = (await app.call('calendar.listYears', {})).years.map((y) => y.year)
  const next = Number((await app.call('app.info', {})).today.slice(0, 4)) + 1
  if (!years.includes(next))
    await expect(page.getByTestId('calendar-missing')).toHaveText(`${next}年日历尚未导入，涉及该年的期限将标记为未核实`)

  // a bad line: the service's message is shown in the dialog
  await page.getByTestId('calendar-import').click()
  await page.getByTestId('calendar-text').fill('2027-01-01,休,元旦\n2027-01-02,放,元旦')
  await page.getByTestId('calendar-import-save').click()
  await expect(page.getByTestId('calendar-import-error')).toContainText('第2行：第二列应为“休”或“班”')
  await app.screenshot('calendar-import-error')

  // a good one for 2099 (surely not bundled)
  await page.getByTestId('calendar-text').fill('2099-01-01,休,元旦\n2099-10-01,休,国庆节\n2099-10-10,班,国庆节调休')
  await page.getByTestId('calendar-import-save').click()
  await expect(page.locator('.el-message--success', { hasText: '已导入2099年日历：放假2天，调休上班1天' })).toBeVisible()
  await expect(table.locator('.el-table__body tr', { hasText: '2099' })).toContainText('手工导入')
  expect((await app.call('calendar.listYears', {})).years.some((y) => y.year === 2099)).toBe(true)

  await page.getByTestId('nav-rules').click()
  const rules = page.getByTestId('rules-table')
  await expect(rules.locator('.el-table__body tr', { hasText: '立案期限' })).toContainText('15个工作日')
  await expect(rules.locator('.el-table__body tr', { hasText: '作出处理决定期限' })).toContainText('《中华人民共和国行政处罚法》第六十条')
  await expect(page.getByText('在界面中编辑规则（保存为新版本）将在后续版本提供')).toBeVisible()
  await app.screenshot('deadline-rules')
})
