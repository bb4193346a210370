import { readFileSync } from 'node:fs'
import { residentIdCheckChar } from '../../src-main/core/resident-id'
import {
  PUBLICITY_STATUSES,
  PUBLICITY_STATUS_LABELS,
  RECORD_COLUMNS,
  WITHDRAW_REASONS,
  WITHDRAW_REASON_LABELS
} from '../../src-main/core/publicity'
import publicityZhCN from '../../src-renderer/src/i18n/publicity.zh-CN'
import { createContext } from '../../src-main/services/context'
import { clearDecisionGates } from '../helpers'
import type { Locator, Page } from '@playwright/test'
import { test, expect, type App } from './support'

/** the native input of an Element Plus input (el-input puts the data-testid on the input itself) */
function inputOf(scope: Page | Locator, testid: string): Locator {
  return scope.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first()
}

const ID17 = '36040219850312461'
const ID_NUMBER = ID17 + residentIdCheckChar(ID17)
const MASKED = `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`
const MOBILE = '13907921234'
const HOME_ADDRESS = '江州市浔阳区湖滨路12号3栋201室'
const PARTY = '李建军'

/**
 * A general case against a natural person, filed, the notice issued and the case at 告知, the rights waived in
 * writing, and a 行政处罚决定书（个人） whose facts quote the person's ID number, mobile and home address, issued
 * today after its gates (legal review, discussion) were cleared through the services.
 */
async function decidedPersonCase(app: App): Promise<{ id: number; name: string; number: string }> {
  const d = (n: number) => app.dayFromToday(n)
  await app.call('demo.load', { cases: 0 })
  const party = await app.call('parties.add', {
    kind: 'person',
    name: PARTY,
    idNumber: ID_NUMBER,
    address: HOME_ADDRESS,
    phone: MOBILE,
    postcode: '332000'
  })
  const c = await app.call('cases.registerAndFile', {
    register: {
      source: 'inspection',
      sourceDate: await d(-20),
      procedure: 'general',
      cause: '未取得特种作业操作证从事焊接作业',
      facts: '经查，当事人未取得特种作业操作证从事焊接作业。',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2]
    },
    filedOn: await d(-19)
  })
  const notice = await app.call('documents.create', {
    caseId: c.id,
    type: 'penalty_notice',
    fields: {
      evidence: '现场检查记录、询问笔录',
      violatedProvision: '《中华人民共和国安全生产法》第三十条第一款',
      penaltyBasis: '《中华人民共和国安全生产法》第九十七条第七项',
      intendedPenalty: '罚款人民币贰万元整',
      fine: 20000,
      statementDays: 5,
      contact: '王建国 0792-8123456'
    }
  })
  const issuedNotice = await app.call('documents.issue', { id: notice.id, issuedOn: await d(-10) })
  for (const to of ['investigating', 'internal_review', 'notice'] as const)
    await app.call('cases.transition', { id: c.id, to, date: await d(-10) })
  for (const right of ['statement', 'hearing'] as const)
    await app.call('waivers.record', { caseId: c.id, right, date: await d(-8), note: '当事人书面声明放弃陈述、申辩和听证' })
  const facts = `经查，当事人${PARTY}（身份证号码：${ID_NUMBER}，联系电话：${MOBILE}，住址：${HOME_ADDRESS}）未取得特种作业操作证，在江州市滨江区某工地从事焊接作业。`
  const decision = await app.call('documents.create', {
    caseId: c.id,
    type: 'penalty_decision_person',
    fields: {
      facts,
      evidence: '现场检查记录、询问笔录、现场照片',
      noticeDate: await d(-10),
      noticeNumber: issuedNotice.number ?? '',
      defenceSummary: '当事人书面放弃陈述、申辩。',
      violatedProvision: '《中华人民共和国安全生产法》第三十条第一款',
      penaltyBasis: '《中华人民共和国安全生产法》第九十七条第七项',
      discretionReason: '首次违法，按裁量基准一般情形处罚。',
      penalty: '罚款人民币贰万元整',
      fine: 20000
    }
  })
  // the decision's own gates (legal review, collective discussion) are not this test's subject
  await clearDecisionGates(createContext(app.home, { actor: 'e2e', version: 'test' }), decision.id, await d(0))
  const issued = await app.call('documents.issue', { id: decision.id })
  return { id: c.id, name: c.name, number: issued.number ?? '' }
}

test('publicity: the redacted 双公示 record of a decision on a person, published, refused early removal, listed and exported; the catalogue settings', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  const c = await decidedPersonCase(app)
  const today = await app.dayFromToday(0)
  await page.reload()

  // ---- the case's 公示 tab: generate the record
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=publicity`)
  await expect(page.getByTestId('case-title')).toHaveText(c.name)
  const tab = page.getByTestId('tab-publicity')
  await expect(tab.getByTestId('publicity-no-decision')).toHaveCount(0)
  await tab.getByTestId('publicity-build').click()
  const record = tab.getByTestId('publicity-record')
  await expect(record).toHaveCount(1)
  await expect(record.getByTestId('publicity-status')).toHaveText('待公示')
  await expect(record.getByTestId('publicity-number')).toHaveText(c.number)
  await expect(record.getByTestId('record-decisionNumber')).toHaveText(c.number)
  await expect(record.getByTestId('record-partyName')).toHaveText(PARTY)
  await expect(record.getByTestId('record-partyCategory')).toHaveText('自然人')
  await expect(record.getByTestId('record-idNumberMasked')).toHaveText(MASKED)
  await expect(record.getByTestId('publicity-redactions')).toHaveText('已隐去个人信息3处')
  await expect(record.getByTestId('publicity-due')).toContainText('应于')
  await expect(record.getByTestId('publicity-min-until')).toHaveText(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`)
  await expect(record.getByTestId('publicity-summary')).toContainText(`当事人：${PARTY}（身份证号码：${MASKED}）`)
  await expect(tab.getByTestId('publicity-build')).toHaveCount(0)
  // nothing personal anywhere on the page
  const text = await page.locator('body').innerText()
  expect(text).toContain(MASKED)
  expect(text).not.toContain(ID_NUMBER)
  expect(text).not.toContain(MOBILE)
  expect(text).not.toContain(HOME_ADDRESS)
  await app.screenshot('publicity-case-tab')

  // ---- the workbench lists it as 待公示 and leads back to the tab
  await page.getByTestId('nav-workbench').click()
  const pending = page.getByTestId('workbench-publicity-queue').getByTestId('publicity-queue-row')
  await expect(pending).toHaveCount(1)
  await expect(pending).toContainText(c.number)
  await expect(page.getByTestId('workbench-review-queue')).toBeVisible()
  await page.getByTestId('workbench-publicity-queue').scrollIntoViewIfNeeded()
  await app.screenshot('publicity-workbench')
  await pending.click()
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}\\?tab=publicity$`))
  await expect(tab.getByTestId('publicity-record')).toHaveCount(1)

  // ---- 登记公示: a bad address is refused on the field, then published
  await record.getByTestId('publicity-publish').click()
  const publish = page.getByTestId('publish-dialog')
  await expect(publish).toBeVisible()
  await publish.getByTestId('publish-url').fill('ftp://example')
  await publish.getByTestId('publish-save').click()
  await expect(publish.locator('.el-form-item__error')).toHaveText('请填写公示网页地址（http:// 或 https:// 开头）')
  const url = 'https://yjj.jiangzhou.gov.cn/xzcf/2026/001.html'
  await publish.getByTestId('publish-url').fill(url)
  await publish.getByTestId('publish-save').click()
  await expect(publish).toBeHidden()
  await expect(record.getByTestId('publicity-status')).toHaveText('已公示')
  await expect(record.getByTestId('publicity-published-on')).toHaveText(today)
  await expect(record.getByTestId('publicity-url')).toHaveText(url)

  // ---- 撤回 for credit repair inside the minimum period: refused by the service, its message shown
  await record.getByTestId('publicity-withdraw').click()
  const withdraw = page.getByTestId('withdraw-dialog')
  await expect(withdraw).toBeVisible()
  await withdraw.getByTestId('withdraw-reason-credit_repair').click()
  const minUntil = (await record.getByTestId('publicity-min-until').textContent()) ?? ''
  await expect(withdraw.getByTestId('withdraw-reason-hint')).toContainText(`最短公示期限至 ${minUntil} 届满`)
  await withdraw.getByTestId('withdraw-note').fill('当事人已完成信用修复，申请提前下架')
  await withdraw.getByTestId('withdraw-save').click()
  await expect(withdraw.getByTestId('withdraw-error')).toContainText('安全生产领域行政处罚信息最短公示期限为一年')
  await expect(withdraw.getByTestId('withdraw-error')).toContainText('届满前不能因信用修复提前下架')
  await app.screenshot('publicity-withdraw-refused')
  await withdraw.getByRole('button', { name: '取消' }).click()
  await expect(withdraw).toBeHidden()
  await expect(record.getByTestId('publicity-status')).toHaveText('已公示')

  // ---- the 公示 page: listed, filtered, exported without the ID number
  await page.getByTestId('nav-publicity').click()
  const rows = page.locator('[data-testid=publicity-table] .el-table__body-wrapper tr.el-table__row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(c.number)
  await expect(rows.first()).toContainText(PARTY)
  await expect(rows.first()).toContainText('已公示')
  await expect(page.getByTestId('publicity-export-count')).toHaveText('当前公示中 1 条')
  await page.getByTestId('publicity-filter-pending').click()
  await expect(rows).toHaveCount(0)
  await page.getByTestId('publicity-filter-published').click()
  await expect(rows).toHaveCount(1)
  await page.getByTestId('publicity-filter-all').click()
  await expect(rows).toHaveCount(1)
  await app.screenshot('publicity-page')

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-publicity-html').click()])
  expect(html.suggestedFilename()).toBe('行政处罚决定公示.html')
  const htmlText = readFileSync(await html.path(), 'utf8')
  expect(htmlText).toContain(c.number)
  expect(htmlText).toContain(MASKED)
  expect(htmlText).not.toContain(ID_NUMBER)
  expect(htmlText).not.toContain(MOBILE)
  expect(htmlText).not.toContain(HOME_ADDRESS)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-publicity-csv').click()])
  expect(csv.suggestedFilename()).toBe('行政处罚决定公示.csv')
  const csvText = readFileSync(await csv.path(), 'utf8')
  expect(csvText).toContain('行政处罚决定书文号')
  expect(csvText).not.toContain(ID_NUMBER)
  const [catalogue] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-catalogue-html').click()])
  expect(catalogue.suggestedFilename()).toBe('重大执法决定法制审核目录清单.html')
  expect(readFileSync(await catalogue.path(), 'utf8')).toContain('较大数额罚款')

  // ---- the row leads to the case's tab; the decision is revoked: the 3-working-day withdrawal clock, then withdrawn
  await rows.first().getByTestId('publicity-open-case').click()
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}\\?tab=publicity$`))
  await tab.getByTestId('publicity-decision-changed').click()
  const changed = page.getByTestId('changed-dialog')
  await changed.getByTestId('changed-reason').fill('江州市人民政府行政复议决定撤销该处罚决定')
  await changed.getByTestId('changed-save').click()
  await expect(changed).toBeHidden()
  await expect(record.getByTestId('publicity-withdraw-due')).toContainText('应于')
  await expect(record.getByTestId('publicity-withdraw-due')).toContainText('前撤下公示')
  await record.getByTestId('publicity-withdraw').click()
  await withdraw.getByTestId('withdraw-reason-revoked').click()
  await withdraw.getByTestId('withdraw-note').fill('行政复议决定撤销原处罚决定')
  await withdraw.getByTestId('withdraw-save').click()
  await expect(withdraw).toBeHidden()
  await expect(record.getByTestId('publicity-status')).toHaveText('已撤回')
  await expect(record.getByTestId('publicity-withdrawn')).toContainText('处罚决定被撤销')
  await expect(record.getByTestId('publicity-withdraw-due')).toHaveCount(0)

  // ---- 设置 › 法制审核目录: the catalogue in force, a per-row error, a new version; the publicity periods
  await page.getByTestId('nav-review-catalogue').click()
  await expect(page.getByTestId('catalogue-version')).toContainText('第 1 版')
  const flags = page.getByTestId('catalogue-flag-row')
  const before = await flags.count()
  expect(before).toBeGreaterThan(0)
  await page.getByTestId('catalogue-add-flag').click()
  await expect(flags).toHaveCount(before + 1)
  await inputOf(page, `flag-code-${before}`).fill('Bad-Code')
  await inputOf(page, `flag-label-${before}`).fill('涉及危险化学品重大危险源')
  await page.getByTestId('catalogue-save').click()
  await expect(flags.nth(before)).toContainText('标记代码只能包含小写字母、数字和下划线')
  await inputOf(page, `flag-code-${before}`).fill('major_hazard')
  await inputOf(page, 'catalogue-name').fill('江州市应急管理局重大执法决定法制审核目录清单（2027年版）')
  await page.getByTestId('catalogue-save').click()
  await expect(page.getByText('已保存为第 2 版')).toBeVisible()
  await expect(page.getByTestId('catalogue-version')).toContainText('第 2 版')
  await expect(page.locator('[data-testid=catalogue-history-table] .el-table__body-wrapper tr.el-table__row')).toHaveCount(2)
  const saved = await app.call('reviews.getCatalogue', {})
  expect(saved.version).toBe(2)
  expect(saved.catalogue.manualFlags.at(-1)).toEqual({ code: 'major_hazard', label: '涉及危险化学品重大危险源', description: '' })
  await expect(inputOf(page, 'policy-min')).toHaveValue('12')
  await inputOf(page, 'catalogue-name').scrollIntoViewIfNeeded()
  await app.screenshot('catalogue-settings')
  await page.getByTestId('catalogue-flags').scrollIntoViewIfNeeded()
  await app.screenshot('catalogue-settings-flags')
  await page.getByTestId('publicity-policy').scrollIntoViewIfNeeded()
  await app.screenshot('catalogue-settings-policy')

  // ---- English: the screens translate, no raw message keys
  const rawKey = /\b(publicity|catalogue|common)\.[a-zA-Z]/
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByTestId('catalogue-save')).toHaveText('Save as new version')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await page.getByTestId('nav-publicity').click()
  await expect(rows.first()).toContainText('Withdrawn')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=publicity`)
  await expect(record.getByTestId('publicity-status')).toHaveText('Withdrawn')
  await expect(page.locator('body')).not.toContainText(rawKey)
  await app.screenshot('publicity-case-tab-en')
})

test('publicity: the Chinese UI labels (statuses, reasons, 双公示 columns) say what the core and the exports say', () => {
  const zh = publicityZhCN.publicity
  for (const [k, header] of RECORD_COLUMNS) expect(zh.fields[k], k).toBe(header)
  for (const s of PUBLICITY_STATUSES) expect(zh.status[s], s).toBe(PUBLICITY_STATUS_LABELS[s])
  for (const r of WITHDRAW_REASONS) expect(zh.reasons[r], r).toBe(WITHDRAW_REASON_LABELS[r])
})
