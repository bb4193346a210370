import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import PizZip from 'pizzip'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { test, expect } from './support'

/** the native input of an Element Plus date picker / input whose data-testid may sit on a wrapper or on the input */
function inputOf(page: Page, testid: string): Locator {
  return page.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input, textarea[data-testid="${testid}"]`).first()
}

async function pickDate(page: Page, testid: string, date: string) {
  const input = inputOf(page, testid)
  await input.fill(date)
  await input.press('Enter')
  await expect(input).toHaveValue(date)
}

/** the plain text of a DOCX's body */
function docxText(bytes: Buffer): string {
  const xml = new PizZip(bytes).file('word/document.xml')!.asText()
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** a DOCX with one paragraph per line, each line a single run (tags are never split) */
async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }))
}

test('drafting: a rectification order from the case, checks and their fixes, standard wording, legal basis, issue and export', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  await app.call('demo.load', { cases: 20 })
  await page.reload()
  const { today } = await app.call('app.info', {})
  const year = today.slice(0, 4)
  const c = (await app.call('cases.list', { status: ['filed', 'investigating'], limit: 50 })).items[0]!
  expect(c).toBeTruthy()

  // ---- the case → 文书 tab → 起草文书 → 责令限期整改指令书
  await page.getByTestId('nav-cases').click()
  await inputOf(page, 'case-search').fill(c.name.slice(0, 12))
  await page.getByTestId('case-name').filter({ hasText: c.name }).first().click()
  await expect(page.getByTestId('case-title')).toHaveText(c.name)
  await page.getByRole('tab', { name: '文书' }).click()
  // the demo filed it through the head's 立案审批, whose approval form is the case's only document so far
  await expect(page.getByTestId('documents-table')).toContainText('立案审批表')
  await page.getByTestId('doc-new').click()
  const picker = page.getByRole('dialog', { name: '起草文书：选择文书种类' })
  await expect(picker).toBeVisible()
  for (const group of ['检查类', '调查取证类', '告知听证类', '决定类', '执行类', '审批类']) await expect(picker).toContainText(group)
  await picker.getByTestId('doc-type-rectification_order').click()
  await picker.getByTestId('doc-create').click()
  await expect(page).toHaveURL(/#\/documents\/\d+$/)
  const docId = Number(/documents\/(\d+)$/.exec(page.url())![1])
  await expect(page.getByTestId('doc-title')).toHaveText('责令限期整改指令书')
  await expect(page.getByTestId('doc-status')).toHaveText('草稿')
  // a new draft: the required fields are reported, issuing is blocked
  await expect(page.getByTestId('finding').filter({ hasText: '请填写“检查日期”' })).toBeVisible()
  await expect(page.getByTestId('doc-issue')).toBeDisabled()
  // the live preview renders the draft
  await expect(page.getByTestId('docx-pages')).toContainText('责令限期整改指令书', { timeout: 20_000 })

  // ---- fill: 检查日期, two problems with deadlines
  await pickDate(page, 'input-inspectionDate', today)
  await page.getByTestId('add-problems').click()
  await page.getByTestId('add-problems').click()
  await expect(page.getByTestId('list-problems').locator('tbody tr[data-row]')).toHaveCount(2)
  await inputOf(page, 'input-problems-0-text').fill('液氨储罐区可燃气体报警装置未定期检测')
  await pickDate(page, 'input-problems-0-deadline', await app.dayFromToday(10))
  await pickDate(page, 'input-problems-1-deadline', await app.dayFromToday(20))

  // ---- an abbreviated citation: the check flags it with its fix
  await inputOf(page, 'input-basis').fill('《安全生产法》第三十五条')
  await expect(page.getByTestId('save-state')).toHaveText(/已保存/, { timeout: 15_000 })
  const abbreviated = page.getByTestId('finding').filter({ hasText: '使用了法律简称' })
  await expect(abbreviated).toBeVisible()
  await expect(abbreviated.getByTestId('finding-fix')).toContainText('改为《中华人民共和国安全生产法》')
  await expect(page.getByTestId('field-basis')).toContainText('使用了法律简称')
  // the second problem still lacks its text
  await expect(page.getByTestId('finding').filter({ hasText: '第2项缺少“问题”' })).toBeVisible()
  await expect(page.getByTestId('doc-issue')).toBeDisabled()
  await expect(page.getByTestId('docx-pages')).toContainText('液氨储罐区可燃气体报警装置未定期检测', { timeout: 20_000 })
  await app.screenshot('drafting-findings')

  // the finding leads to its field
  await page.getByTestId('input-problems-0-text').click() // focus elsewhere first
  await abbreviated.click()
  await expect(inputOf(page, 'input-basis')).toBeFocused()

  // ---- fix it with the legal-basis picker
  await page.getByTestId('basis-basis').click()
  const basis = page.getByTestId('basis-dialog')
  await expect(basis).toBeVisible()
  await basis.getByTestId('basis-search').fill('教育和培训')
  await expect(basis.getByTestId('basis-item').first()).toContainText('培训')
  await basis.getByTestId('basis-item').first().click()
  await expect(basis.getByTestId('basis-tiers')).toContainText('从轻')
  await app.screenshot('drafting-basis-picker')
  const violated = (await basis.getByTestId('basis-violated').textContent())!.trim()
  expect(violated).toMatch(/^《中华人民共和国安全生产法》第.+条/)
  await basis.getByTestId('basis-use-violated').click()
  await expect(basis).toBeHidden()
  await expect(inputOf(page, 'input-basis')).toHaveValue(violated)

  // ---- standard wording: the problems guide's item sentence into the second problem, at the cursor
  await inputOf(page, 'input-problems-1-text').click()
  await page.getByTestId('phrases-problems').click()
  const phrases = page.getByTestId('phrase-dialog')
  await expect(phrases).toBeVisible()
  await expect(phrases.getByTestId('phrase-guide')).toContainText('逐项列出问题')
  await app.screenshot('drafting-phrases')
  // the rows are numbered by the template: the snippet's own number is left out; the row's deadline is prefilled
  await phrases.getByTestId('phrase-use-item').click()
  await expect(inputOf(page, 'phrase-ph-序号')).toHaveCount(0)
  await expect(inputOf(page, 'phrase-ph-整改期限')).toHaveValue(/\d{4}年\d{1,2}月\d{1,2}日/)
  await inputOf(page, 'phrase-ph-具体位置').fill('二号车间')
  await inputOf(page, 'phrase-ph-问题现象').fill('配电箱未设置接地保护')
  await inputOf(page, 'phrase-ph-违反条款').fill('《中华人民共和国安全生产法》第三十六条第一款')
  await expect(phrases.getByTestId('phrase-preview')).toHaveText(
    /^二号车间配电箱未设置接地保护，违反了《中华人民共和国安全生产法》第三十六条第一款的规定/
  )
  await phrases.getByTestId('phrase-insert').click()
  await expect(phrases).toBeHidden()
  await expect(inputOf(page, 'input-problems-1-text')).toHaveValue(
    /^二号车间配电箱未设置接地保护，违反了《中华人民共和国安全生产法》第三十六条第一款的规定，于\d{4}年\d{1,2}月\d{1,2}日前整改完毕；$/
  )

  // ---- all checks pass: 签发 becomes enabled
  await expect(page.getByTestId('save-state')).toHaveText(/已保存/, { timeout: 15_000 })
  await expect(page.getByTestId('findings-ok')).toBeVisible()
  await expect(page.getByTestId('doc-issue')).toBeEnabled()
  await expect(page.getByTestId('docx-pages')).toContainText('二号车间配电箱未设置接地保护', { timeout: 20_000 })
  await app.screenshot('drafting-ready')

  // ---- issue: confirm, then the number
  await page.getByTestId('doc-issue').click()
  const confirm = page.getByRole('dialog', { name: '签发文书' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: '签发' }).click()
  const done = page.getByRole('dialog', { name: '已签发' })
  const numberRe = new RegExp(`^（江）应急责改〔${year}〕\\d+号$`)
  await expect(done).toContainText(new RegExp(`（江）应急责改〔${year}〕\\d+号`))
  await done.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('doc-number')).toHaveText(numberRe)
  const number = (await page.getByTestId('doc-number').textContent())!.trim()
  await expect(page.getByTestId('doc-status')).toHaveText('已签发')
  await expect(page.getByTestId('doc-readonly')).toBeVisible()
  await expect(inputOf(page, 'input-basis')).toBeDisabled()
  await expect(page.getByTestId('docx-pages')).toContainText(number, { timeout: 20_000 })
  await app.screenshot('drafting-issued')

  // ---- export the DOCX: it carries the number and the problems
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-export').click()])
  expect(download.suggestedFilename()).toBe(`责令限期整改指令书（${number}）.docx`)
  const text = docxText(readFileSync((await download.path())!))
  expect(text).toContain(number)
  expect(text).toContain('液氨储罐区可燃气体报警装置未定期检测')
  expect(text).toContain('二号车间配电箱未设置接地保护')

  // ---- the services agree: issued, with its activity record
  const issued = await app.call('documents.get', { id: docId })
  expect(issued).toMatchObject({ status: 'issued', number })
  expect(issued.fields.basis).toBe(violated)
  const activity = await app.call('audit.list', { targetType: 'document', targetId: String(docId), limit: 100 })
  expect(activity.map((a) => a.action)).toContain('document.issue')

  // ---- back on the case: the list shows it, with its number and status
  await page.getByTestId('doc-back').click()
  await expect(page.getByTestId('documents-table')).toContainText(number)
  await expect(page.getByTestId('documents-table').locator('tr', { hasText: number }).getByTestId('doc-status')).toHaveText('已签发')
})

test('drafting: autosave conflicts reload the latest revision and say so', async ({ page, app }) => {
  await app.call('demo.load', { cases: 20 })
  const c = (await app.call('cases.list', { status: ['filed', 'investigating'], limit: 1 })).items[0]!
  const d = await app.call('documents.create', { caseId: c.id, type: 'rectification_order' })
  await page.goto(`${app.harness.origin}/#/documents/${d.id}`)
  await expect(page.getByTestId('doc-title')).toHaveText('责令限期整改指令书')
  // someone else saves meanwhile (another window, the CLI)
  await app.call('documents.save', { id: d.id, revision: d.revision, fields: { basis: '《中华人民共和国安全生产法》第六十五条' } })
  await inputOf(page, 'input-basis').fill('本窗口的修改')
  await expect(page.getByRole('dialog', { name: '文书已被他人修改' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('save-state')).toHaveText(/冲突/)
  await page.getByRole('dialog', { name: '文书已被他人修改' }).getByRole('button', { name: '确定' }).click()
  await expect(inputOf(page, 'input-basis')).toHaveValue('《中华人民共和国安全生产法》第六十五条')
})

test('templates: an agency template with an unknown tag is refused with the tag named; a fitting one is imported', async ({
  page,
  app
}) => {
  await app.call('demo.load', { cases: 0 })
  await page.reload()
  await page.getByTestId('nav-templates').click()
  await expect(page.getByRole('heading', { name: '文书模板' })).toBeVisible()
  const table = page.getByTestId('templates-table')
  await expect(table).toContainText('责令限期整改指令书')
  await expect(table).toContainText('责改')
  await expect(page.getByTestId('template-custom-rectification_order')).toHaveCount(0)

  // the template in force can be downloaded
  const [builtIn] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('template-download-rectification_order').first().click()
  ])
  expect(builtIn.suggestedFilename()).toBe('责令限期整改指令书.docx')

  // a file with an unknown tag: the report names it, importing is not offered
  const bad = await docxOf([
    '江州市应急管理局 责令限期整改指令书（本机关样式）',
    '{party.name}：',
    '{f.inspectionDate | cnDate}',
    '{f.secretRemark}'
  ])
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('template-import-rectification_order').first().click()
  ])
  await chooser.setFiles({
    name: '本局整改指令书.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: bad
  })
  const report = page.getByTestId('template-report')
  await expect(report).toBeVisible()
  await expect(report.getByTestId('template-refused')).toContainText('不能导入')
  await expect(report.getByTestId('template-unknown')).toContainText('{f.secretRemark}')
  await expect(report.getByTestId('template-unknown')).toContainText('没有字段“secretRemark”')
  await expect(report.getByTestId('template-unused')).toContainText('存在的问题')
  await expect(report.getByTestId('template-confirm')).toBeDisabled()
  await app.screenshot('template-import-refused')
  await report.getByRole('button', { name: '取消' }).click()
  await expect(report).toBeHidden()

  // a fitting file: accepted, imported, tagged as the agency's own
  const good = await docxOf([
    '江州市应急管理局 责令限期整改指令书（本机关样式）',
    '{doc.number}',
    '{party.name}：',
    '{#f.problems}{$n}、{text}（{deadline | cnDate}前完成）{/f.problems}',
    '依据{f.basis}。检查日期{f.inspectionDate | cnDate}。'
  ])
  const [chooser2] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('template-import-rectification_order').first().click()
  ])
  await chooser2.setFiles({
    name: '本局整改指令书.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: good
  })
  await expect(report.getByTestId('template-acceptable')).toBeVisible()
  await expect(report.getByTestId('template-tags')).toContainText('{f.basis}')
  await app.screenshot('template-import-report')
  await report.getByTestId('template-confirm').click()
  await expect(report).toBeHidden()
  await expect(page.getByTestId('template-custom-rectification_order').first()).toHaveText('本机关模板')
  expect((await app.call('templates.list', {})).find((x) => x.id === 'rectification_order')!.custom).toBe(true)
  await app.screenshot('templates-list')

  // and back to the built-in one
  await page.getByTestId('template-reset-rectification_order').first().click()
  await page.getByRole('dialog', { name: '恢复内置模板' }).getByRole('button', { name: '恢复内置模板' }).click()
  await expect(page.getByTestId('template-custom-rectification_order')).toHaveCount(0)
})
