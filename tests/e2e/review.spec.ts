import { readFileSync } from 'node:fs'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Locator, Page } from '@playwright/test'
import { fillFields } from '../helpers'
import { test, expect, type App } from './support'

/** the native input of an Element Plus input / date picker whose data-testid may sit on a wrapper or on the input */
function inputOf(scope: Page | Locator, testid: string): Locator {
  return scope
    .locator(
      `input[data-testid="${testid}"], [data-testid="${testid}"] input, textarea[data-testid="${testid}"], [data-testid="${testid}"] textarea`
    )
    .first()
}

/** the error message of the Element Plus form item that holds `testid` (the innermost one) */
function errorOf(scope: Locator, testid: string): Locator {
  return scope
    .locator('.el-form-item', { has: scope.page().getByTestId(testid) })
    .last()
    .locator('.el-form-item__error')
}

async function pdfOf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595.28, 841.89]).drawText(label, { x: 60, y: 760, size: 16, font })
  return Buffer.from(await doc.save())
}

/** every field of a document type filled with plausible values (tests/helpers.ts) */
const fill = (typeId: string, day: string, extra: Record<string, unknown> = {}) => fillFields(typeId, extra, day)

/**
 * A general-procedure case against a company with an intended fine of 60,000 yuan (≥ 50,000: a major decision,
 * hearing-eligible, collective discussion required): filed, investigated, the 行政处罚告知书 issued and served,
 * both rights waived in writing, the heads' discussion held, and a 行政处罚决定书（单位） drafted whose document
 * checks pass. Only the legal review is missing.
 */
async function majorCase(app: App, opts: { discussion?: boolean } = {}): Promise<{ id: number; name: string; decisionId: number }> {
  const d = (n: number) => app.dayFromToday(n)
  await app.call('demo.load', { cases: 0 })
  /** the demo's three heads (王建国 chairing, 陈志强, 周文斌) from the user directory */
  const heads = async () => {
    const ids = (await app.call('users.directory', {})).filter((u) => u.roles.includes('head') && u.login !== 'e2e').map((u) => u.id)
    return { chairId: ids[0]!, attendeeIds: ids }
  }
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
      sourceDate: await d(-30),
      procedure: 'general',
      cause: '未按规定对从业人员进行安全生产教育和培训',
      facts: '经查，该公司三名焊接作业人员未经安全生产教育和培训上岗作业。',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2],
      intendedPenalty: { warning: false, fine: 60000 }
    },
    filedOn: await d(-29)
  })
  await app.call('cases.transition', { id: c.id, to: 'investigating', date: await d(-28) })
  await app.call('cases.transition', { id: c.id, to: 'internal_review', date: await d(-15) })
  const notice = await app.call('documents.create', {
    caseId: c.id,
    type: 'penalty_notice',
    fields: fill('penalty_notice', await d(-12), { fine: 60000 })
  })
  await app.call('documents.issue', { id: notice.id, issuedOn: await d(-12) })
  await app.call('cases.transition', { id: c.id, to: 'notice', date: await d(-12) })
  await app.call('waivers.record', { caseId: c.id, right: 'statement', date: await d(-11), note: '当事人提交书面声明，放弃陈述申辩权利' })
  await app.call('waivers.record', { caseId: c.id, right: 'hearing', date: await d(-11), note: '当事人提交书面声明，放弃听证权利' })
  if (opts.discussion !== false) await holdDiscussion(app, c.id, await d(-5), await heads())
  const decision = await app.call('documents.create', {
    caseId: c.id,
    type: 'penalty_decision_org',
    fields: fill('penalty_decision_org', await d(0), { fine: 60000 })
  })
  expect(decision.findings.filter((f) => f.severity === 'error')).toEqual([])
  return { id: c.id, name: c.name, decisionId: decision.id }
}

/** the heads' collective discussion of the case (a head's call: the signed-in user must hold the role) */
async function holdDiscussion(app: App, caseId: number, heldOn: string, heads: { chairId: number; attendeeIds: number[] }) {
  await app.call('discussions.record', {
    caseId,
    heldOn,
    ...heads,
    conclusion: 'penalty',
    conclusionText: '同意承办机构意见，给予罚款六万元的行政处罚',
    record: ''
  })
}

test('legal review: the decision waits for 法制审核; returned for evidence, resubmitted, approved; then issued; the activity record shows it', async ({
  page,
  app
}) => {
  test.setTimeout(240_000)
  // four people: the handler 李晓红, the legal reviewer 刘芳, the head 周文斌 (discussion, decision), and the
  // timeline naming each; the case is set up without its discussion, which the head holds at the end
  const c = await majorCase(app, { discussion: false })
  const { today } = await app.call('app.info', {})
  const year = today.slice(0, 4)
  // the demo's heads (the fixture's own user holds every role and is left out)
  const heads = (await app.call('users.directory', {})).filter((u) => u.roles.includes('head') && u.login !== 'e2e').map((u) => u.id)
  await app.signInAs('lixh')
  await expect(page.getByTestId('signed-in-name')).toHaveText('李晓红')

  // ---- the decision draft: issuing is refused, and the screen says why
  await expect(app.call('documents.issue', { id: c.decisionId })).rejects.toThrow(/GATE_REVIEW_REQUIRED/)
  await page.goto(`${app.harness.origin}/#/documents/${c.decisionId}`)
  await expect(page.getByTestId('doc-title')).toHaveText('行政处罚决定书（单位）')
  const docGates = page.getByTestId('doc-gates')
  await expect(docGates).toContainText('签发前须完成的程序')
  await expect(docGates.getByTestId('gate-review')).toContainText('未经法制审核不得作出决定')
  await expect(docGates.getByTestId('gate-review')).toContainText('处理：提交法制审核')
  await expect(page.getByTestId('doc-issue')).toBeDisabled()
  await app.screenshot('review-doc-gates')

  // ---- 前往法制审核: the case's 法制审核 tab
  await docGates.getByTestId('doc-gates-review').click()
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}\\?tab=review$`))
  const tab = page.getByTestId('tab-review')
  await expect(tab.getByTestId('review-major')).toHaveAttribute('data-major', 'true')
  await expect(tab.getByTestId('review-triggers')).toContainText('较大数额罚款：拟罚款60,000元，达到对单位罚款50,000元以上的标准')
  await expect(tab.getByTestId('review-hearing-eligibility')).toContainText('当事人有权要求听证')
  await expect(tab.getByTestId('review-discussion-required')).toContainText('须经行政机关负责人集体讨论决定')
  await expect(tab.getByTestId('gate-list').getByTestId('gate-review')).toContainText('提交法制审核')
  await expect(tab.getByTestId('waiver')).toHaveCount(2)
  await expect(tab.getByTestId('discussion-item')).toHaveCount(0)
  // a handler records no discussion: that is the heads'
  await expect(tab.getByTestId('discussion-add')).toHaveCount(0)
  await expect(tab.getByTestId('review-rounds-empty')).toBeVisible()

  // ---- 提交法制审核 to 刘芳; the evidence is still missing from the materials
  await tab.getByTestId('review-submit').click()
  const submit = page.getByTestId('submit-dialog')
  await expect(submit).toBeVisible()
  await expect(submit.getByTestId('submit-draft')).toContainText('行政处罚决定书（单位）（第 1 稿）')
  await expect(submit.getByTestId('material-evidence')).toHaveAttribute('data-present', 'false')
  await expect(submit.getByTestId('material-evidence')).toContainText('缺')
  await expect(submit.getByTestId('material-decision_draft')).toHaveAttribute('data-present', 'true')
  await expect(submit.getByTestId('submit-missing')).toContainText('必备材料')
  await submit.getByTestId('submit-reviewer').click()
  await page.getByRole('option', { name: '刘芳' }).click()
  await inputOf(submit, 'submit-note').fill('调查终结，拟给予罚款六万元的行政处罚，提请法制审核')
  await submit.getByTestId('submit-save').click()
  await expect(submit).toBeHidden()
  const round1 = tab.locator('[data-testid=review-round][data-round="1"]')
  await expect(round1.getByTestId('round-status')).toHaveText('审核中')
  await expect(round1.getByTestId('round-reviewer')).toHaveText('刘芳')
  await expect(round1.getByTestId('round-due')).toHaveAttribute('data-overdue', 'false')
  await expect(tab.getByTestId('gate-list').getByTestId('gate-review')).toContainText('法制审核尚未作出结论')
  // the handler is offered no review decision, and the service refuses one from her
  await expect(tab.getByTestId('review-decide')).toHaveCount(0)
  await expect(tab.getByTestId('review-submit')).toHaveCount(0)
  await app.screenshot('review-handler-waits')

  // ---- the reviewer 刘芳 signs in and returns it for evidence: the form's problems are shown on their fields first
  await app.signInAs('liufang')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await tab.getByTestId('review-decide').click()
  const decide = page.getByTestId('decide-dialog')
  await expect(decide).toBeVisible()
  await decide.getByTestId('decide-outcome-returned').click()
  await decide.getByTestId('aspect-evidence-problem').click()
  await inputOf(decide, 'decide-opinion').fill('证据不足')
  await decide.getByTestId('decide-save').click()
  await expect(decide.getByTestId('decide-error')).toContainText('审核意见至少10个字')
  await expect(errorOf(decide, 'aspect-evidence-note')).toHaveText('“证据”存在问题的，请写明具体意见')
  await expect(errorOf(decide, 'decide-changes')).toHaveText('请写明需要补充的材料或者调查事项')
  await expect(errorOf(decide, 'decide-opinion')).toHaveText('审核意见至少10个字')
  await app.screenshot('review-decide-errors')
  await inputOf(decide, 'aspect-evidence-note').fill('三名焊接作业人员未经培训的事实仅有询问笔录，缺少培训记录等书证')
  await inputOf(decide, 'decide-opinion').fill('案件事实基本清楚，但认定未经培训上岗的证据不够充分。')
  await inputOf(decide, 'decide-changes').fill('补充该公司安全生产教育和培训档案（培训记录）复印件')
  await expect(errorOf(decide, 'decide-opinion')).toHaveCount(0)
  await decide.getByTestId('decide-save').click()
  await expect(decide).toBeHidden()
  await expect(round1.getByTestId('round-status')).toHaveText('退回补充材料')
  await expect(round1.getByTestId('round-changes')).toHaveText('补充该公司安全生产教育和培训档案（培训记录）复印件')
  await expect(round1.getByTestId('round-aspect-evidence')).toHaveClass(/bad/)
  await expect(round1.getByTestId('round-aspect-facts')).toHaveClass(/ok/)
  await expect(round1.getByTestId('round-opinion-doc')).toBeVisible()
  await expect(tab.getByTestId('gate-list').getByTestId('gate-review')).toContainText('法制审核结论为“退回补充材料”')

  // the reviewer is offered no answer to her own opinion: that is the handlers'
  await expect(round1.getByTestId('round-accept')).toHaveCount(0)

  // the handlers accept the opinion
  await app.signInAs('lixh')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await round1.getByTestId('round-accept').click()
  await page.getByRole('dialog', { name: '采纳审核意见' }).getByRole('button', { name: '确定' }).click()
  await expect(round1.getByTestId('round-response')).toContainText('承办机构已采纳审核意见')
  await app.screenshot('review-tab-returned')

  // ---- the handler adds the training records in 证据与音像
  await page.getByRole('tab', { name: '证据与音像' }).click()
  await page.getByTestId('evidence-add').click()
  const ed = page.getByTestId('evidence-dialog')
  await expect(ed).toBeVisible()
  await ed
    .getByTestId('evidence-file-input')
    .setInputFiles({ name: '安全生产教育和培训档案.pdf', mimeType: 'application/pdf', buffer: await pdfOf('TRAINING RECORDS') })
  await expect(ed.getByTestId('evidence-chosen')).toHaveText('安全生产教育和培训档案.pdf')
  await ed.getByTestId('evidence-type').click()
  await page.getByRole('option', { name: '书证', exact: true }).click()
  await ed.getByTestId('evidence-submit').click()
  await expect(ed).toBeHidden()
  await expect(page.getByTestId('evidence-table')).toContainText('安全生产教育和培训档案')

  // ---- resubmitted: the evidence is now among the materials; the reviewer is the same
  await page.getByRole('tab', { name: '法制审核' }).click()
  await tab.getByTestId('review-submit').click()
  await expect(submit).toBeVisible()
  await expect(submit.getByTestId('material-evidence')).toHaveAttribute('data-present', 'true')
  await expect(submit.getByTestId('submit-reviewer')).toContainText('刘芳')
  await submit.getByTestId('submit-save').click()
  await expect(submit).toBeHidden()
  const round2 = tab.locator('[data-testid=review-round][data-round="2"]')
  await expect(round2.getByTestId('round-status')).toHaveText('审核中')
  await expect(round2.getByTestId('material-evidence')).toHaveAttribute('data-present', 'true')

  // ---- the reviewer approves
  await app.signInAs('liufang')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await tab.getByTestId('review-decide').click()
  await expect(decide).toBeVisible()
  await expect(decide.getByTestId('aspect-evidence-note')).toHaveCount(0) // a fresh form
  await decide.getByTestId('decide-outcome-approved').click()
  await inputOf(decide, 'decide-opinion').fill('事实清楚，证据确凿充分，适用依据正确，程序合法，裁量适当，同意。')
  await decide.getByTestId('decide-save').click()
  await expect(decide).toBeHidden()
  await expect(round2.getByTestId('round-status')).toHaveText('同意')
  await expect(tab.getByTestId('gate-list').getByTestId('gate-discussion')).toBeVisible()
  await expect(tab.getByTestId('review-submit')).toHaveCount(0)
  await app.screenshot('review-tab-approved')

  // the 法制审核意见书 drafted from the opinion opens on the drafting screen, hers to issue
  await round2.getByTestId('round-opinion-doc').click()
  await expect(page.getByTestId('doc-title')).toHaveText('法制审核意见书')
  await expect(page.getByTestId('doc-gates')).toHaveCount(0)
  await expect(page.getByTestId('doc-issue')).toBeVisible()

  // ---- the head 周文斌 records the heads' collective discussion; then every step is done
  await app.signInAs('zhouwb')
  await holdDiscussion(app, c.id, today, { chairId: heads[0]!, attendeeIds: heads })
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  const ready = tab.getByTestId('gate-list')
  await expect(ready).toHaveAttribute('data-ready', 'true')
  await expect(ready).toHaveText('各项程序已完成，可以签发决定书')

  // ---- back to the decision: no gates, issue → the number
  await page.goto(`${app.harness.origin}/#/documents/${c.decisionId}`)
  await expect(page.getByTestId('doc-title')).toHaveText('行政处罚决定书（单位）')
  await expect(page.getByTestId('findings-ok')).toBeVisible()
  await expect(page.getByTestId('doc-gates')).toHaveCount(0)
  await expect(page.getByTestId('doc-issue')).toBeEnabled()
  await page.getByTestId('doc-issue').click()
  await page.getByRole('dialog', { name: '签发文书' }).getByRole('button', { name: '签发' }).click()
  const done = page.getByRole('dialog', { name: '已签发' })
  await expect(done).toContainText(new RegExp(`（江）应急罚〔${year}〕\\d+号`))
  await done.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('doc-number')).toHaveText(new RegExp(`^（江）应急罚〔${year}〕\\d+号$`))

  // ---- 全过程记录: the review entries, the chain verifies, filters, CSV export
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=timeline`)
  await expect(page.getByTestId('case-title')).toHaveText(c.name)
  const chain = page.getByTestId('timeline-chain')
  await expect(chain).toHaveAttribute('data-ok', 'true')
  await expect(chain).toContainText('校验通过')
  const entries = page.getByTestId('timeline-entry')
  await expect(entries.and(page.locator('[data-action="review.submit"]'))).toHaveCount(2)
  await expect(entries.and(page.locator('[data-action="review.decide"]'))).toHaveCount(2)
  await expect(entries.and(page.locator('[data-action="review.respond"]'))).toHaveCount(1)
  await expect(entries.and(page.locator('[data-action="document.issue"]')).first()).toContainText('行政处罚决定书（单位）')
  await expect(entries.and(page.locator('[data-verified="false"]'))).toHaveCount(0)
  // each step names the person who took it, as signed in
  await expect(entries.and(page.locator('[data-action="review.submit"]')).first().getByTestId('timeline-actor-name')).toHaveText(
    '李晓红（lixh）'
  )
  await expect(entries.and(page.locator('[data-action="review.decide"]')).first().getByTestId('timeline-actor-name')).toHaveText(
    '刘芳（liufang）'
  )
  await expect(entries.and(page.locator('[data-action="discussion.record"]')).first().getByTestId('timeline-actor-name')).toHaveText(
    '周文斌（zhouwb）'
  )
  await expect(entries.and(page.locator('[data-action="document.issue"]')).first().getByTestId('timeline-actor-name')).toHaveText(
    '周文斌（zhouwb）'
  )
  await expect(entries.first().getByTestId('timeline-hash')).toHaveText(/^[0-9a-f]{12}$/)
  await page.getByTestId('case-timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await app.screenshot('review-timeline')

  const all = await entries.count()
  await page.getByTestId('timeline-kind-review').click()
  await expect.poll(() => entries.count()).toBeLessThan(all)
  const kinds = await entries.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-kind')))])
  expect(kinds).toEqual(['review'])
  await expect(entries.filter({ hasText: '法制审核' }).first()).toBeVisible()
  await inputOf(page, 'timeline-search').fill('退回补充材料')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText('法制审核意见“退回补充材料”')
  await app.screenshot('review-timeline-filtered')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-export-csv').click()])
  expect(download.suggestedFilename()).toMatch(/^全过程记录-.+\.csv$/)
  const csv = readFileSync(await download.path(), 'utf8')
  expect(csv).toContain('提交法制审核')
  expect(csv).toContain('法制审核意见“同意”')
  expect(csv).toContain('通过')
})

test('hearing, written waiver and collective discussion are recorded from the 法制审核 tab; the chair may not be an investigator', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  const d = (n: number) => app.dayFromToday(n)
  await app.call('demo.load', { cases: 0 })
  const party = await app.call('parties.add', {
    kind: 'org',
    name: '江州市恒安危险化学品储运有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市濂溪区港口路18号',
    legalRep: '吴海涛'
  })
  const c = await app.call('cases.registerAndFile', {
    register: {
      source: 'inspection',
      sourceDate: await d(-40),
      procedure: 'general',
      cause: '未对重大危险源进行定期检测、评估、监控',
      facts: '经查，该公司液氨储罐区重大危险源未进行定期检测。',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2],
      intendedPenalty: { warning: false, fine: 80000 }
    },
    filedOn: await d(-39)
  })
  await app.call('cases.transition', { id: c.id, to: 'investigating', date: await d(-38) })
  await app.call('cases.transition', { id: c.id, to: 'internal_review', date: await d(-32) })
  await app.call('cases.transition', { id: c.id, to: 'notice', date: await d(-30) })
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  const tab = page.getByTestId('tab-review')
  await expect(tab.getByTestId('review-hearing-eligibility')).toContainText('罚款80,000元达到较大数额')

  // ---- 拟作出的处理: a measure besides the fine becomes a trigger
  await tab.getByTestId('review-profile').click()
  const profile = page.getByTestId('profile-dialog')
  await profile.getByTestId('profile-measure-stop_production').click()
  await profile.getByTestId('profile-departure').click()
  await profile.getByTestId('profile-save').click()
  await expect(profile.getByTestId('profile-error')).toContainText('偏离裁量基准的，须写明理由')
  await expect(errorOf(profile, 'profile-departure-reason')).toHaveText('请写明偏离裁量基准的理由')
  await profile.getByTestId('profile-departure').click()
  await profile.getByTestId('profile-save').click()
  await expect(profile).toBeHidden()
  await expect(tab.getByTestId('review-triggers')).toContainText('责令停产停业（整顿）')
  await expect(tab.getByTestId('review-profile-text')).toHaveText('责令停产停业（整顿）')

  // ---- the party asks for a hearing within the window
  await tab.getByTestId('hearing-request').click()
  const request = page.getByTestId('hearing-request-dialog')
  const requested = await d(-29)
  await inputOf(request, 'hearing-requested-on').fill(requested)
  await inputOf(request, 'hearing-requested-on').press('Enter')
  await request.getByTestId('hearing-request-save').click()
  await expect(request).toBeHidden()
  const hearing = tab.getByTestId('hearing-item')
  await expect(hearing.getByTestId('hearing-status')).toHaveText('已申请')
  await expect(tab.getByTestId('gate-list').getByTestId('gate-hearing')).toContainText('当事人要求听证，听证尚未举行')

  // ---- 通知听证: an investigator as chair is refused on the chair field
  await hearing.getByTestId('hearing-schedule').click()
  const schedule = page.getByTestId('hearing-schedule-dialog')
  await expect(schedule).toBeVisible()
  const noticeOn = await d(-28)
  const heldDay = await d(-7)
  await inputOf(schedule, 'hearing-notice-on').fill(noticeOn)
  await inputOf(schedule, 'hearing-notice-on').press('Enter')
  await inputOf(schedule, 'hearing-scheduled-at').fill(`${heldDay} 09:30`)
  await inputOf(schedule, 'hearing-scheduled-at').press('Enter')
  await inputOf(schedule, 'hearing-place').fill('江州市应急管理局三楼听证室')
  await inputOf(schedule, 'hearing-clerk').fill('孙磊')
  await schedule.getByTestId('hearing-chair').click()
  await page.getByRole('option', { name: /王建国/ }).click()
  await schedule.getByTestId('hearing-schedule-save').click()
  await expect(schedule.getByTestId('hearing-schedule-error')).toContainText('王建国是本案调查人员，不能主持听证')
  await expect(errorOf(schedule, 'hearing-chair')).toHaveText('本案调查人员')
  await app.screenshot('review-hearing-chair-refused')
  await schedule.getByTestId('hearing-chair').click()
  await page.getByRole('option', { name: /周文斌/ }).click()
  await expect(errorOf(schedule, 'hearing-chair')).toHaveCount(0)
  await schedule.getByTestId('hearing-schedule-save').click()
  await expect(schedule).toBeHidden()
  await expect(hearing.getByTestId('hearing-status')).toHaveText('已通知')
  await expect(hearing).toContainText(`${heldDay} 09:30`)
  await expect(hearing).toContainText('周文斌')

  // ---- 登记听证结果: held with one agent
  await hearing.getByTestId('hearing-hold').click()
  const hold = page.getByTestId('hearing-hold-dialog')
  await inputOf(hold, 'hearing-held-on').fill(heldDay)
  await inputOf(hold, 'hearing-held-on').press('Enter')
  await inputOf(hold, 'hearing-agents').fill('林律师')
  await inputOf(hold, 'hearing-agents').press('Enter')
  await inputOf(hold, 'hearing-summary').fill('当事人对违法事实无异议，请求从轻处罚。')
  await hold.getByTestId('hearing-hold-save').click()
  await expect(hold).toBeHidden()
  await expect(hearing.getByTestId('hearing-status')).toHaveText('已举行')
  await expect(hearing).toContainText('林律师')
  await expect(tab.getByTestId('review-triggers')).toContainText('经过听证程序')

  // ---- 当事人书面放弃 陈述申辩
  await tab.getByTestId('rights-waive').click()
  const waive = page.getByTestId('waive-dialog')
  await waive.getByTestId('waive-right-statement').click()
  await inputOf(waive, 'waive-note').fill('当事人提交书面声明，放弃陈述申辩权利')
  await waive.getByTestId('waive-save').click()
  await expect(waive).toBeHidden()
  await expect(tab.getByTestId('waiver')).toContainText('放弃陈述申辩：当事人提交书面声明')

  // ---- 集体讨论: fewer than three attendees is refused on the attendees field
  await tab.getByTestId('discussion-add').click()
  const disc = page.getByTestId('discussion-dialog')
  // the attendees are picked from the user directory's heads (王建国, 陈志强, 周文斌), the chair among them
  await disc.getByTestId('discussion-attendees').click()
  for (const name of ['王建国', '陈志强']) await page.getByRole('option', { name: new RegExp(name) }).click()
  await disc.getByTestId('discussion-attendees').press('Escape')
  await disc.getByTestId('discussion-chair').click()
  await page.getByRole('option', { name: '王建国', exact: true }).click()
  await disc.getByTestId('discussion-conclusion').click()
  await page.getByRole('option', { name: '给予行政处罚' }).click()
  await inputOf(disc, 'discussion-text').fill('同意承办机构意见，责令停产整顿并处罚款八万元')
  await disc.getByTestId('discussion-save').click()
  await expect(errorOf(disc, 'discussion-attendees')).toHaveText('至少三人')
  await disc.getByTestId('discussion-attendees').click()
  await page.getByRole('option', { name: /周文斌/ }).click()
  await disc.getByTestId('discussion-attendees').press('Escape')
  await disc.getByTestId('discussion-save').click()
  await expect(disc).toBeHidden()
  await expect(tab.getByTestId('discussion-item')).toContainText('王建国、陈志强、周文斌')
  await expect(tab.getByTestId('gate-list').getByTestId('gate-discussion')).toHaveCount(0)
  await expect(tab.getByTestId('gate-list').getByTestId('gate-hearing')).toHaveCount(0)
  await expect(tab.getByTestId('gate-list').getByTestId('gate-review')).toBeVisible()
  await app.screenshot('review-tab-hearing')

  // ---- the reviewer does not agree; the handlers disagree; the coordination and the head's decision are recorded
  await app.signInAs('lixh')
  const submitted = await app.call('reviews.submit', { caseId: c.id, reviewerId: 5, note: '提请法制审核' })
  await app.signInAs('liufang')
  await app.call('reviews.decide', {
    reviewId: submitted.id,
    decision: {
      outcome: 'rejected',
      aspects: {
        subject: { ok: true, note: '' },
        facts: { ok: true, note: '' },
        evidence: { ok: true, note: '' },
        basis: { ok: true, note: '' },
        procedure: { ok: true, note: '' },
        discretion: { ok: false, note: '责令停产整顿与违法情节不相适应' },
        documents: { ok: true, note: '' }
      },
      crimeSuspected: false,
      opinion: '违法事实清楚，但拟作出的处理裁量过重，不同意。',
      changes: ''
    }
  })
  await app.signInAs('lixh')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  const round = tab.locator('[data-testid=review-round][data-round="1"]')
  await expect(round.getByTestId('round-status')).toHaveText('不同意')
  await expect(round.getByTestId('round-aspect-discretion')).toHaveClass(/bad/)
  await round.getByTestId('round-disagree').click()
  const box = page.getByRole('dialog', { name: '对审核意见有异议' })
  await box.locator('textarea').fill('该公司曾两次被责令改正仍未整改，停产整顿并无不当')
  await box.getByRole('button', { name: '确定' }).click()
  await expect(round.getByTestId('round-response')).toContainText('承办机构有异议')
  // the coordination is a head's: the handler is not offered it
  await expect(round.getByTestId('round-coordinate')).toHaveCount(0)
  await app.signInAs('zhouwb')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await round.getByTestId('round-coordinate').click()
  const coord = page.getByTestId('coordinate-dialog')
  // the deciding head defaults to the head signed in; cleared, it is asked for
  await expect(inputOf(coord, 'coordinate-head')).toHaveValue('周文斌')
  await inputOf(coord, 'coordinate-head').fill('')
  await coord.getByTestId('coordinate-save').click()
  await expect(errorOf(coord, 'coordinate-text')).toHaveText('请写明协调意见')
  await expect(errorOf(coord, 'coordinate-head')).toHaveText('请填写作出决定的负责人')
  await expect(errorOf(coord, 'coordinate-decision')).toHaveText('请选择负责人的决定')
  await inputOf(coord, 'coordinate-text').fill('法规科与承办科室意见不一致，报请局长决定')
  await inputOf(coord, 'coordinate-head').fill('张卫东')
  await coord.getByTestId('coordinate-decision-discussion').click()
  await coord.getByTestId('coordinate-save').click()
  await expect(coord).toBeHidden()
  await expect(round.getByTestId('round-coordination')).toContainText('张卫东决定：提交负责人集体讨论')
  await expect(round.getByTestId('round-coordinate')).toHaveCount(0)
  await app.signInAs('lixh')
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=review`)
  await expect(tab.getByTestId('review-submit')).toHaveText('重新提交法制审核')
})
