import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countRows, makeHome, VALID_AGENCY, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { allowedTransitions, CASE_STATUSES, type CaseStatus, type Procedure } from '../../src-main/core/case'
import type { AppError, Result } from '../../src-main/core/errors'
import { openHome } from '../../src-main/store/home'
import { createContext, transact } from '../../src-main/services/context'
import { stepRequired } from '../../src-main/core/approvals'
import { archiveCase, compileDossier } from '../../src-main/services/ops/archive-seal'

let t: TestHome
let org: number
let person: number
beforeEach(async () => {
  t = await makeHome('2026-11-25T02:00:00Z')
  await call(t.ctx, 'agency.set', VALID_AGENCY)
  await call(t.ctx, 'officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2029-01-01' }) // 1
  await call(t.ctx, 'officers.add', { name: '李晓红', certNo: '36040019002', validUntil: '2029-01-01' }) // 2
  await call(t.ctx, 'officers.add', { name: '赵敏', certNo: '36040019004', validUntil: '2026-11-05' }) // 3: expired
  org = (
    await call(t.ctx, 'parties.add', {
      kind: 'org',
      name: '江州市鑫达化工有限公司',
      creditCode: '91360402MA35XK7Q25',
      address: '江州市浔阳区化工园区8号',
      legalRep: '周国华'
    })
  ).id
  person = (
    await call(t.ctx, 'parties.add', { kind: 'person', name: '张三丰', idNumber: '11010519491231002X', address: '江州市滨江区某路1号' })
  ).id
})
afterEach(() => t.cleanup())

const fails = async (channel: string, input: unknown): Promise<AppError> => {
  const r = await invoke(t.ctx, channel, input, { error: () => undefined })
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return r.error
}
const snapshot = () =>
  ['cases', 'case_events', 'case_deadlines', 'case_parties', 'case_officers', 'activity_log', 'number_sequences'].map((tb) =>
    countRows(t.home, tb)
  )
const register = (extra: Record<string, unknown> = {}) =>
  call(t.ctx, 'cases.register', {
    source: 'inspection',
    sourceDate: '2026-11-02',
    procedure: 'general',
    cause: '未按规定对从业人员进行安全生产教育和培训',
    facts: '经查，该公司三名焊接作业人员未经安全生产教育和培训即上岗作业。',
    parties: [{ partyId: org }],
    officerIds: [1, 2],
    ...extra
  })

describe('filing a case (立案)', () => {
  it('numbers the case, records the event and starts the 90-day decision deadline', async () => {
    const c = await register()
    expect(c).toMatchObject({
      status: 'registered',
      number: null,
      name: '江州市鑫达化工有限公司未按规定对从业人员进行安全生产教育和培训案'
    })
    expect(c.deadlines.map((d) => [d.code, d.due])).toEqual([['filing', '2026-11-23']]) // 15 working days after 11-02
    const f = await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    expect(f).toMatchObject({ status: 'filed', number: '（江）应急立〔2026〕1号', filedOn: '2026-11-04' })
    const decision = f.deadlines.find((d) => d.code === 'decision')!
    // 90 calendar days after 2026-11-04 is 2027-02-02 (a Tuesday); 2027 has no official calendar yet
    expect(decision).toMatchObject({
      start: '2026-11-04',
      due: '2027-02-02',
      verified: false,
      calendarVersion: 'chinese-days-1.5.7',
      ruleVersion: 1
    })
    expect(f.deadlines.find((d) => d.code === 'filing')!.metAt).toBe('2026-11-04')
    expect(f.events.map((e) => e.type)).toEqual(['registered', 'filed'])
    const log = await call(t.ctx, 'audit.list', { targetType: 'case', targetId: String(c.id) })
    expect(log.map((e) => e.action)).toEqual(['case.file', 'case.register'])
  })

  it.each([
    ['one officer', { officerIds: [1] }, 'OFFICERS_TOO_FEW', /执法人员不得少于两人/],
    ['an expired certificate', { officerIds: [1, 3] }, 'OFFICER_CERT_EXPIRED', /赵敏的执法证（36040019004）已于2026-11-05到期/],
    ['no officers at all', { officerIds: [] }, 'OFFICERS_TOO_FEW', /不得少于两人/]
  ])('with %s fails with a specific code and writes nothing', async (_what, officers, code, message) => {
    const c = await register({ officerIds: [] })
    const before = snapshot()
    const e = await fails('cases.file', { id: c.id, filedOn: '2026-11-25', ...officers })
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
    expect(snapshot()).toEqual(before)
    expect((await call(t.ctx, 'cases.get', { ref: String(c.id) })).status).toBe('registered')
  })

  it('judges certificates on the filing date: an officer expired today could file last month', async () => {
    const c = await register({ officerIds: [] })
    expect((await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-05', officerIds: [1, 3] })).status).toBe('filed')
  })

  it('register-and-file in one step leaves nothing behind when filing is refused', async () => {
    const before = snapshot()
    const e = await fails('cases.registerAndFile', {
      register: {
        source: 'complaint',
        sourceDate: '2026-11-20',
        procedure: 'general',
        cause: '未设置安全警示标志',
        parties: [{ partyId: org }],
        officerIds: [1]
      },
      filedOn: '2026-11-21'
    })
    expect(e.code).toBe('OFFICERS_TOO_FEW')
    expect(snapshot()).toEqual(before)
  })

  it('refuses future dates, dates before the case source, and a filing without a cause', async () => {
    const c = await register({ cause: '' })
    expect((await fails('cases.file', { id: c.id, filedOn: '2026-11-26' })).message).toMatch(/不能晚于今天/)
    expect((await fails('cases.file', { id: c.id, filedOn: '2026-11-01' })).message).toMatch(/不能早于案源日期/)
    expect((await fails('cases.file', { id: c.id, filedOn: '2026-11-03' })).message).toMatch(/立案须填写案由/)
  })
})

describe('summary procedure (简易程序)', () => {
  const summary = (partyId: number, fine: number) =>
    invoke(
      t.ctx,
      'cases.register',
      {
        source: 'inspection',
        sourceDate: '2026-11-25',
        procedure: 'summary',
        cause: '未佩戴劳动防护用品',
        parties: [{ partyId }],
        officerIds: [1, 2],
        intendedPenalty: { warning: false, fine }
      },
      { error: () => undefined }
    )

  it('allows a fine up to 200 yuan for a person and 3,000 for an organisation, and numbers the decision', async () => {
    const r = await summary(person, 200)
    expect(r.ok).toBe(true)
    const id = (r as { value: { id: number } }).value.id
    const d = await call(t.ctx, 'cases.transition', { id, to: 'decided', date: '2026-11-25' })
    expect(d).toMatchObject({ status: 'decided', number: '（江）应急当罚〔2026〕1号' })
    expect((await summary(org, 3000)).ok).toBe(true)
  })

  it.each([
    ['a person', () => person, 201],
    ['an organisation', () => org, 3001]
  ])('refuses a fine above the limit for %s and writes nothing', async (_w, party, fine) => {
    const before = snapshot()
    const r = await summary(party(), fine)
    expect(!r.ok && r.error.code).toBe('SUMMARY_LIMIT_EXCEEDED')
    expect(snapshot()).toEqual(before)
  })

  it('checks the limit again when the decision is made with a different penalty', async () => {
    const r = await summary(person, 100)
    const id = (r as { value: { id: number } }).value.id
    const before = snapshot()
    expect((await fails('cases.transition', { id, to: 'decided', date: '2026-11-25', penalty: { warning: false, fine: 500 } })).code).toBe(
      'SUMMARY_LIMIT_EXCEEDED'
    )
    expect(snapshot()).toEqual(before)
  })
})

describe('every status transition through the service', () => {
  /** shortest path of statuses from registered to `target` */
  function pathTo(procedure: Procedure, target: CaseStatus): CaseStatus[] | null {
    const prev = new Map<CaseStatus, CaseStatus | null>([['registered', null]])
    const q: CaseStatus[] = ['registered']
    while (q.length) {
      const s = q.shift()!
      if (s === target) break
      for (const n of allowedTransitions(procedure, s)) {
        // a penalty decision needs a served notice (the gates refuse it otherwise): reach 决定 through 告知
        if (n === 'decided' && s === 'legal_review') continue
        if (!prev.has(n)) {
          prev.set(n, s)
          q.push(n)
        }
      }
    }
    if (!prev.has(target)) return null
    const path: CaseStatus[] = []
    for (let s: CaseStatus | null = target; s && s !== 'registered'; s = prev.get(s) ?? null) path.unshift(s)
    return path
  }

  it.each(['general', 'summary'] as const)(
    '%s procedure: legal moves succeed and record an event; illegal ones are refused with the allowed list',
    async (procedure) => {
      let checked = 0
      for (const from of CASE_STATUSES) {
        const path = pathTo(procedure, from)
        if (!path) continue
        const c = await register(
          procedure === 'summary' ? { procedure, parties: [{ partyId: org }], intendedPenalty: { warning: true, fine: 0 } } : {}
        )
        let waivers = 0
        let at: CaseStatus = 'registered'
        for (const s of path) {
          // a move owned by a step goes through it: the head's approval, the archive job's own operations
          const step = stepRequired(at, s)?.step
          if (step === 'approvals.record')
            await call(t.ctx, 'approvals.record', {
              caseId: c.id,
              kind: 'closing',
              outcome: 'approved',
              opinion: '同意结案',
              date: '2026-11-25'
            })
          else if (s === 'dossier') await transact(t.ctx, (tx) => compileDossier(tx, c.id, '2026-11-25'))
          else if (s === 'archived')
            await transact(t.ctx, (tx) => archiveCase(tx, { caseId: c.id, date: '2026-11-25', bundleSha256: null }))
          else await call(t.ctx, 'cases.transition', { id: c.id, to: s, date: '2026-11-25' })
          at = s
          if (s === 'notice') {
            // the decision gates wait for the statement and hearing windows unless the party waives them in writing
            for (const right of ['statement', 'hearing'] as const)
              await call(t.ctx, 'waivers.record', { caseId: c.id, right, date: '2026-11-25', note: '当事人当场书面声明放弃' })
            waivers = 2
          }
        }
        for (const to of CASE_STATUSES) {
          const legal = allowedTransitions(procedure, from).includes(to)
          // try inside a transaction that is rolled back, so every target is tried from the same state
          // (the store's transaction becomes a savepoint inside the one the raw database has open)
          let r: Result<unknown>
          t.home.db.exec('SAVEPOINT probe')
          try {
            r = await invoke(t.ctx, 'cases.transition', { id: c.id, to, date: '2026-11-25' }, { error: () => undefined })
          } finally {
            t.home.db.exec('ROLLBACK TO probe')
            t.home.db.exec('RELEASE probe')
          }
          const outcome: { ok: boolean; code?: string; status?: string; events?: number } = r.ok
            ? { ok: true, status: (r.value as { status: string }).status, events: (r.value as { events: unknown[] }).events.length }
            : { ok: false, code: r.error.code }
          if (from === 'archived') {
            // nothing moves a sealed case
            expect(outcome, `${procedure}: ${from} → ${to}`).toMatchObject({ ok: false, code: 'CASE_SEALED' })
          } else if (stepRequired(from, to)) {
            // owned by a dedicated step (approval, archive job): refused naming the step, whether or not the status
            // machine would allow the move from here (推进 to 已归档 from mid-case names the archive job too)
            expect(outcome, `${procedure}: ${from} → ${to}`).toMatchObject({ ok: false, code: 'STEP_REQUIRED' })
          } else if (legal && to === 'decided' && procedure === 'general' && !path.includes('notice')) {
            // allowed by the status machine, refused by the decision gates: no notice was served on this path
            expect(outcome, `${procedure}: ${from} → ${to}`).toMatchObject({ ok: false, code: 'GATE_NOTICE_NOT_SERVED' })
          } else if (legal) {
            expect(outcome, `${procedure}: ${from} → ${to}`).toMatchObject({ ok: true, status: to, events: path.length + 2 + waivers })
          } else {
            expect(outcome, `${procedure}: ${from} → ${to}`).toMatchObject({ ok: false })
            expect(['CASE_TRANSITION_INVALID', 'VALIDATION_FAILED']).toContain(outcome.code)
          }
          checked++
        }
      }
      expect(checked).toBeGreaterThan(procedure === 'general' ? 400 : 150)
    }
  )

  it('explains an illegal move', async () => {
    const c = await register()
    const e = await fails('cases.transition', { id: c.id, to: 'decided', date: '2026-11-25' })
    expect(e.message).toBe('案件状态不能从“案源登记”变为“决定”（可变为：立案审批中、已立案、不予立案、移送）')
  })
})

describe('deadlines', () => {
  it('opens statement and hearing windows at notice, extends and excludes the decision limit', async () => {
    const c = await register()
    await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    for (const s of ['investigating', 'internal_review'] as const)
      await call(t.ctx, 'cases.transition', { id: c.id, to: s, date: '2026-11-10' })
    const n = await call(t.ctx, 'cases.transition', { id: c.id, to: 'notice', date: '2026-11-20' })
    const due = Object.fromEntries(n.deadlines.map((d) => [d.code, d.due]))
    expect(due).toMatchObject({ statement: '2026-11-25', hearing_request: '2026-11-27' }) // 3 and 5 working days after Fri 11-20
    const ext = await call(t.ctx, 'deadlines.adjust', {
      caseId: c.id,
      adjustment: { code: 'decision', kind: 'extension', length: 30, reason: '案情复杂', approvedBy: '局长' }
    })
    expect(ext.extended).toBe(true)
    expect(ext.deadlines.find((d) => d.code === 'decision')).toMatchObject({ extension: 30, due: '2027-03-04' })
    const exc = await call(t.ctx, 'deadlines.adjust', {
      caseId: c.id,
      adjustment: { code: 'decision', kind: 'exclusion', from: '2026-11-21', to: '2026-11-30', reason: '检测鉴定' }
    })
    expect(exc.deadlines.find((d) => d.code === 'decision')).toMatchObject({ excluded: 10, due: '2027-03-15' }) // 03-14 is a Sunday
    expect(
      (
        await fails('deadlines.adjust', {
          caseId: c.id,
          adjustment: { code: 'statement', kind: 'extension', length: 3, reason: 'x', approvedBy: 'y' }
        })
      ).message
    ).toMatch(/不能延长/)
  })

  it('a newly imported calendar year verifies deadlines and is named in their calendar version', async () => {
    const c = await register()
    await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    const table = [
      '2027-01-01,休,元旦',
      '2027-02-05,休,春节',
      '2027-02-06,休,春节',
      '2027-02-07,休,春节',
      '2027-02-08,休,春节',
      '2027-02-09,休,春节',
      '2027-02-10,休,春节',
      '2027-02-11,休,春节',
      '2027-02-12,休,春节',
      '2027-01-31,班,春节',
      '2027-02-13,班,春节'
    ].join('\n')
    const imp = await call(t.ctx, 'calendar.import', { text: table })
    expect(imp).toMatchObject({ year: 2027, restDays: 9, makeupWorkdays: 2, replaced: false })
    expect((await fails('calendar.import', { text: table })).message).toMatch(/已存在/)
    // recomputed on the next change of the case
    const moved = await call(t.ctx, 'cases.transition', { id: c.id, to: 'investigating', date: '2026-11-25' })
    const d = moved.deadlines.find((x) => x.code === 'decision')!
    expect(d.verified).toBe(true)
    expect(d.calendarVersion).toBe(`chinese-days-1.5.7+2027:${imp.version}`)
    expect(await call(t.ctx, 'calendar.preview', { start: '2027-02-04', length: 1, unit: 'WD' })).toMatchObject({
      due: '2027-02-13',
      verified: true
    })
  })

  it('rejects malformed calendar imports without changing anything', async () => {
    const before = countRows(t.home, 'calendar_years')
    expect((await fails('calendar.import', { text: '2027-01-01,放,元旦' })).message).toMatch(/第1行/)
    expect((await fails('calendar.import', { text: '2027-01-01,休\n2028-01-01,休' })).message).toMatch(/一个年份/)
    expect((await fails('calendar.import', { text: '{"year": 2027, "restDays": ["2027-02-30"], "makeupWorkdays": []}' })).code).toBe(
      'CALENDAR_IMPORT_INVALID'
    )
    expect((await fails('calendar.import', { text: '{"year": 2027, ' })).message).toMatch(/JSON/)
    expect(countRows(t.home, 'calendar_years')).toBe(before)
  })

  it('a new rule version is recorded and applied to open cases', async () => {
    const c = await register()
    await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    const rules = await call(t.ctx, 'deadlines.getRules', {})
    const edited = rules.rules.map((r) => (r.code === 'decision' ? { ...r, length: 30, source: '某省规定：30日' } : r))
    expect(await call(t.ctx, 'deadlines.setRules', { name: '某省 2026', rules: edited })).toEqual({ version: 2, recomputed: 1 })
    const d = (await call(t.ctx, 'cases.get', { ref: String(c.id) })).deadlines.find((x) => x.code === 'decision')!
    expect(d).toMatchObject({ ruleVersion: 2, length: 30, due: '2026-12-04' })
  })

  it('feeds the workbench buckets by due date', async () => {
    const c = await register({ sourceDate: '2026-11-03' }) // filing due 15 WD later: 2026-11-24 → overdue on 11-25
    const w = await call(t.ctx, 'workbench.summary', {})
    expect(w.deadlines.overdue.map((d) => [d.caseId, d.code])).toEqual([[c.id, 'filing']])
    expect(w.counts.registered).toBe(1)
    t.setNow('2026-11-21T02:00:00Z')
    expect((await call(t.ctx, 'workbench.summary', {})).deadlines.due3.map((d) => d.code)).toEqual(['filing'])
    t.setNow('2026-11-23T02:00:00Z')
    expect((await call(t.ctx, 'workbench.summary', { officerId: 1 })).deadlines.due1.map((d) => d.code)).toEqual(['filing'])
    expect((await call(t.ctx, 'workbench.summary', { officerId: 3 })).deadlines.due1).toEqual([])
  })
})

describe('deadline hygiene', () => {
  const toNotice = async (extra: Record<string, unknown> = {}) => {
    const c = await register(extra)
    await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    for (const s of ['investigating', 'internal_review'] as const)
      await call(t.ctx, 'cases.transition', { id: c.id, to: s, date: '2026-11-05' })
    return call(t.ctx, 'cases.transition', { id: c.id, to: 'notice', date: '2026-11-06' })
  }

  it('a statement or hearing window that has run out is done, not overdue', async () => {
    const n = await toNotice()
    const windows = n.deadlines.filter((d) => d.kind === 'window')
    expect(windows.map((d) => [d.code, d.alert])).toEqual([
      ['statement', 'met'],
      ['hearing_request', 'met']
    ])
    const w = await call(t.ctx, 'workbench.summary', {})
    expect([...w.deadlines.overdue, ...w.deadlines.due1, ...w.deadlines.due3].filter((d) => d.kind === 'window')).toEqual([])
  })

  it('keeps archived cases off the workbench', async () => {
    const c = await register({ sourceDate: '2026-11-02' })
    expect((await call(t.ctx, 'workbench.summary', {})).deadlines.overdue.map((d) => d.caseId)).toEqual([c.id])
    await call(t.ctx, 'cases.transition', { id: c.id, to: 'not_filed', date: '2026-11-25' })
    expect((await call(t.ctx, 'workbench.summary', {})).deadlines.overdue).toEqual([])
  })

  it('opens no payment period for a warning-only summary penalty', async () => {
    const c = await call(t.ctx, 'cases.register', {
      source: 'inspection',
      sourceDate: '2026-11-20',
      procedure: 'summary',
      cause: '未佩戴安全帽',
      parties: [{ partyId: person }],
      officerIds: [1, 2],
      intendedPenalty: { warning: true, fine: 0 }
    })
    for (const s of ['decided', 'served'] as const) await call(t.ctx, 'cases.transition', { id: c.id, to: s, date: '2026-11-20' })
    expect((await call(t.ctx, 'cases.get', { ref: String(c.id) })).deadlines.map((d) => d.code)).toEqual(['publicity'])
  })

  it('a suspension stops the decision clock: the suspended days are excluded on resumption', async () => {
    const c = await register()
    await call(t.ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })
    const before = (await call(t.ctx, 'cases.get', { ref: String(c.id) })).deadlines.find((d) => d.code === 'decision')!.due
    expect(before).toBe('2027-02-02')
    await call(t.ctx, 'cases.setFlag', { id: c.id, flag: 'suspended', on: true, reason: '等待司法鉴定结论', date: '2026-11-10' })
    expect((await call(t.ctx, 'deadlines.list', {})).find((d) => d.caseId === c.id && d.code === 'decision')).toBeUndefined()
    const resumed = await call(t.ctx, 'cases.setFlag', {
      id: c.id,
      flag: 'suspended',
      on: false,
      reason: '鉴定结论已出具',
      date: '2026-11-20'
    })
    const d = resumed.deadlines.find((x) => x.code === 'decision')!
    expect(d).toMatchObject({ excluded: 10, due: '2027-02-12' }) // 11-10 … 11-19 excluded
    expect(resumed.events.map((e) => e.type)).toEqual(['registered', 'filed', 'suspended', 'resumed'])
  })

  it('refuses a payment dated before service, or before any service at all', async () => {
    const c = await call(t.ctx, 'cases.register', {
      source: 'inspection',
      sourceDate: '2026-11-16',
      procedure: 'summary',
      cause: '未佩戴安全帽',
      parties: [{ partyId: person }],
      officerIds: [1, 2],
      intendedPenalty: { warning: false, fine: 100 }
    })
    expect((await fails('cases.recordEvent', { id: c.id, type: 'paid', date: '2026-11-17' })).message).toMatch(/尚未送达/)
    await call(t.ctx, 'cases.transition', { id: c.id, to: 'decided', date: '2026-11-18' })
    await call(t.ctx, 'cases.transition', { id: c.id, to: 'served', date: '2026-11-19' })
    expect((await fails('cases.recordEvent', { id: c.id, type: 'paid', date: '2026-11-18' })).message).toMatch(/不能早于送达日期/)
    const paid = await call(t.ctx, 'cases.recordEvent', { id: c.id, type: 'paid', date: '2026-11-24' })
    expect(paid.deadlines.find((d) => d.code === 'payment')!.metAt).toBe('2026-11-24')
  })
})

describe('search and lists', () => {
  it('finds cases by Chinese substrings of facts, names and parties, short or long', async () => {
    const a = await register()
    await register({ cause: '未设置明显的安全警示标志', facts: '仓库入口处未设置安全警示标志。' })
    expect((await call(t.ctx, 'cases.search', { q: '焊接作业人员' })).map((c) => c.id)).toEqual([a.id])
    expect((await call(t.ctx, 'cases.search', { q: '焊接' })).map((c) => c.id)).toEqual([a.id]) // two characters: below the trigram length
    expect(await call(t.ctx, 'cases.search', { q: '鑫达化工' })).toHaveLength(2)
    expect((await call(t.ctx, 'cases.search', { q: '警示' }))[0]!.snippet).toContain('【警示】')
    expect(await call(t.ctx, 'cases.search', { q: '"' })).toEqual([])
    expect((await call(t.ctx, 'cases.list', { q: '仓库入口', status: ['registered'] })).total).toBe(1)
    // the total counts every match, not just the page
    const page = await call(t.ctx, 'cases.list', { q: '鑫达化工', limit: 1 })
    expect(page.total).toBe(2)
    expect(page.items).toHaveLength(1)
    expect(page.items[0]!.snippet).toContain('【鑫达化工】')
  })

  it('re-indexes cases when a party is renamed', async () => {
    await register()
    await call(t.ctx, 'parties.edit', {
      id: org,
      data: {
        kind: 'org',
        name: '江州市恒远新材料有限公司',
        creditCode: '91360402MA35XK7Q25',
        address: '江州市浔阳区化工园区8号',
        legalRep: '周国华'
      }
    })
    expect(await call(t.ctx, 'cases.search', { q: '恒远新材料' })).toHaveLength(1)
  })

  it('filters by status, procedure, officer and date range', async () => {
    const a = await register()
    await register({ sourceDate: '2026-10-01', officerIds: [] })
    await call(t.ctx, 'cases.file', { id: a.id, filedOn: '2026-11-04' })
    expect((await call(t.ctx, 'cases.list', { status: ['filed'] })).items.map((c) => c.id)).toEqual([a.id])
    expect((await call(t.ctx, 'cases.list', { officerId: 2 })).total).toBe(1)
    expect((await call(t.ctx, 'cases.list', { from: '2026-10-01', to: '2026-10-31' })).total).toBe(1)
    expect((await call(t.ctx, 'cases.list', { procedure: 'summary' })).total).toBe(0)
  })
})

describe('parties', () => {
  it('detects duplicates by credit code and ID number', async () => {
    const e = await fails('parties.add', {
      kind: 'sole',
      name: '周国华五金店',
      creditCode: '91360402ma35xk7q25',
      address: '某路',
      legalRep: '周国华'
    })
    expect(e).toMatchObject({ code: 'PARTY_DUPLICATE', details: { existingId: org } })
    expect((await fails('parties.add', { kind: 'person', name: '张三', idNumber: '11010519491231002x', address: '某路' })).code).toBe(
      'PARTY_DUPLICATE'
    )
    expect((await call(t.ctx, 'parties.findDuplicate', { idNumber: '11010519491231002x' }))!.id).toBe(person)
    expect(await call(t.ctx, 'parties.findDuplicate', { creditCode: '91360402MA35XK7Q2X' })).toBeNull()
  })
})

describe('numbering', () => {
  it('stays gap-free and unique with two connections filing alternately', async () => {
    const second = await openHome(t.dir)
    const ctx2 = createContext(second, { actor: 'clerk2', now: () => new Date('2026-11-25T02:00:00Z') })
    try {
      const numbers: string[] = []
      for (let i = 0; i < 10; i++) {
        const ctx = i % 2 === 0 ? t.ctx : ctx2
        const c = await call(ctx, 'cases.register', {
          source: 'inspection',
          sourceDate: '2026-11-02',
          procedure: 'general',
          cause: `违法行为${i}`,
          parties: [{ partyId: org }],
          officerIds: [1, 2]
        })
        numbers.push((await call(ctx, 'cases.file', { id: c.id, filedOn: '2026-11-04' })).number!)
      }
      expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `（江）应急立〔2026〕${i + 1}号`))
    } finally {
      second.close()
    }
  })
})
