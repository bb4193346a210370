/**
 * Demo data (演示数据): the agency, its officers, ~40 parties and `input.cases` cases spread over the 14 months before
 * the load day. The data is generated in src-main/demo (pure, deterministic); here it is seeded through the
 * ordinary operations, step by step and in date order, so each case has a real activity record, events, numbers
 * and deadlines.
 */
import { contract } from '../contract'
import { appError } from '../core/errors'
import { decisionGate } from '../core/gates'
import { REVIEW_ASPECTS, ReviewDecisionSchema } from '../core/legal-review'
import { demoFoundation } from '../demo/foundation'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, EXTENSION_APPROVER, FOUNDATION, HEADS, M } from '../demo/material'
import { demoParties } from '../demo/parties'
import { planCases, type Plan } from '../demo/plans'
import { getAgency, saveAgency } from '../store/repos/agency'
import { insertOfficer, listOfficers, type OfficerRecord } from '../store/repos/officers'
import { caseReviews } from '../store/repos/review'
import { findUserByLogin, insertUser } from '../store/repos/users'
import type { Role } from '../core/roles'
import { hashPassword } from './passwords'
import { setSetting } from '../store/settings'
import { loadCalendar } from './calendar'
import { today, transact, type ServiceContext, type Tx } from './context'
import { activeRules } from './ops/deadlines'
import { recordCaseEvent, setCaseFlag } from './ops/case-facts'
import { registerCase } from './ops/case-register'
import { fileCase, transitionCase } from './ops/case-status'
import { recordApproval, type Approver } from './ops/approvals'
import { archiveCase, compileDossier } from './ops/archive-seal'
import { findCase } from '../store/repos/cases'
import { adjustDeadline } from './ops/deadlines'
import { recordDiscussion } from './ops/discussions'
import { waiveRight } from './ops/hearings'
import { addParty } from './ops/parties'
import { gateState } from './ops/review-gates'
import { decideReview, submitReview } from './ops/review-rounds'

type DemoAccount = { login: string; name: string; roles: Role[] }
type DemoResult = { officers: number; agency: boolean; parties: number; cases: number; accounts: DemoAccount[]; password: string }

/**
 * Seed the demo agency, officers, parties and cases into an empty home; refuses to mix demo data into real data.
 * One transaction: a failure leaves the home empty and the load can be retried. One `demo.load` entry opens the
 * record, each step then appends its own; listeners get one data.changed event at the end.
 */
export async function demoLoad(ctx: ServiceContext, input: { cases: number } = { cases: 0 }): Promise<DemoResult> {
  const quiet: ServiceContext = { ...ctx, emit: () => undefined }
  // one hash for every demo account, made before the transaction: the KDF is deliberately slow
  const passwordHash = hashPassword(DEMO_PASSWORD)
  const result = await transact(quiet, (tx) => seed(tx, Math.max(0, Math.floor(input.cases)), passwordHash))
  ctx.emit({ type: 'data.changed', area: 'demo', action: 'demo.load' })
  return result
}

/** The demo accounts, linked to the demo officers; a login already taken (an admin set up first) is left alone. */
async function seedAccounts(tx: Tx, officers: readonly OfficerRecord[], passwordHash: string): Promise<DemoAccount[]> {
  const made: DemoAccount[] = []
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByLogin(tx.db, a.login)) continue
    const officerId = a.certNo === null ? null : (officers.find((o) => o.certNo === a.certNo)?.id ?? null)
    const roles = [...a.roles]
    await insertUser(tx.db, { login: a.login, name: a.name, officerId, roles, passwordHash }, tx.at)
    made.push({ login: a.login, name: a.name, roles })
  }
  return made
}

async function seed(tx: Tx, caseCount: number, passwordHash: string): Promise<DemoResult> {
  const { db, at } = tx
  const base = today(tx.ctx)
  if ((await getAgency(db)) || (await listOfficers(db, true)).length > 0) {
    throw appError('DEMO_NOT_EMPTY', '数据目录中已有数据，不能载入演示数据（请使用新的数据目录）')
  }
  const foundation = demoFoundation(base)
  await saveAgency(db, foundation.agency, at)
  for (const o of foundation.officers) await insertOfficer(db, o, at)
  const officers = await listOfficers(db, true)
  const accounts = await seedAccounts(tx, officers, passwordHash)
  // a demo home says so on its sign-in screen (the accounts and their one password)
  await setSetting(db, 'demo.accounts', accounts)
  await tx.record('demo', {
    action: 'demo.load',
    targetType: 'home',
    targetId: null,
    summary: `载入演示数据：执法主体 1 个，执法人员 ${foundation.officers.length} 名，账户 ${accounts.length} 个${caseCount > 0 ? `，当事人 ${M.parties.length} 个，案件 ${caseCount} 件（随后逐件登记、办理）` : ''}`,
    detail: {
      agency: FOUNDATION.agency,
      officers: FOUNDATION.officers,
      baseDate: base,
      parties: caseCount > 0 ? M.parties.length : 0,
      cases: caseCount,
      // the accounts, never their password or its hash
      accounts
    }
  })
  const officerRecs = FOUNDATION.officers.map((o) => officers.find((x) => x.certNo === o.certNo)!)
  const base0 = { officers: officerRecs.length, agency: true, accounts, password: DEMO_PASSWORD }
  if (caseCount === 0) return { ...base0, parties: 0, cases: 0 }

  const partyIds: number[] = []
  for (const p of demoParties()) partyIds.push((await addParty(tx, p)).id)
  const plans = planCases({
    count: caseCount,
    base,
    calendar: await loadCalendar(db),
    rules: (await activeRules(db)).rules,
    officers: officerRecs
  })
  const cases = await runPlans(tx, plans, partyIds, officerRecs)
  return { ...base0, parties: partyIds.length, cases }
}

/** The head who approves the demo cases: 周文斌's account (a head on no case team), else his name alone. */
async function demoApprover(tx: Tx): Promise<Approver> {
  const u = await findUserByLogin(tx.db, 'zhouwb')
  return u ? { userId: u.id, name: u.name } : { userId: null, name: '周文斌' }
}

/**
 * The moves that belong to a dedicated step go through it, as they do for a user: 立案审批 and 结案审批 by the head,
 * 立卷 and 归档 by the archive job's own operations (the demo has no package to write, so its dossiers carry no
 * bundle hash). Returns false for any other move.
 */
async function steppedMove(tx: Tx, approver: Approver, caseId: number, to: string, date: string, text: string): Promise<boolean> {
  const from = (await findCase(tx.db, caseId))!.status
  const approve = (kind: 'filing' | 'closing', outcome: 'approved' | 'rejected', opinion: string) =>
    recordApproval(tx, { caseId, kind, outcome, opinion: text ? `${opinion}${text}` : opinion, date }, approver)
  if (from === 'filing_approval' && to === 'filed') await approve('filing', 'approved', '同意立案。')
  else if (from === 'filing_approval' && to === 'not_filed') await approve('filing', 'rejected', '不符合立案条件，不予立案。')
  else if (from === 'closing_approval' && to === 'closed') await approve('closing', 'approved', '同意结案。')
  else if (from === 'closed' && to === 'dossier') await compileDossier(tx, caseId, date)
  else if (to === 'archived') await archiveCase(tx, { caseId, date, bundleSha256: null })
  else return false
  return true
}

/** Run every planned step in date order, through the operations. */
async function runPlans(tx: Tx, plans: Plan[], partyIds: readonly number[], officerRecs: readonly OfficerRecord[]): Promise<number> {
  const approver = await demoApprover(tx)
  // the legal reviewer (法规科) is never on a case team, so she may review every case
  const reviewer = officerRecs.find((o) => o.legalReviewer)!
  // the demo heads' accounts sit in the discussions (an account whose login was taken before the load is not theirs)
  const headIds: number[] = []
  for (const login of HEADS) {
    const u = await findUserByLogin(tx.db, login)
    if (u !== null && u.roles.includes('head')) headIds.push(u.id)
  }
  const heads = { chairId: headIds[0] ?? 0, attendeeIds: headIds }
  const approve = (reviewId: number, date: string) =>
    decideReview(tx, {
      reviewId,
      decidedOn: date,
      decision: ReviewDecisionSchema.parse({
        outcome: 'approved',
        aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])),
        opinion: '执法主体合法，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意承办机构的处理意见。'
      })
    })
  /** a review still in progress is decided (approved) the day the case moves on */
  const closeReview = async (caseId: number, date: string) => {
    const open = (await caseReviews(tx.db, caseId)).find((x) => x.status === 'in_review')
    if (open) await approve(open.id, date)
  }
  /** the steps the decision gates ask for that the plan did not spell out: a written waiver, a review, a discussion */
  const satisfyGates = async (caseId: number, date: string, kind: 'penalty' | 'no_penalty') => {
    for (const g of decisionGate(await gateState(tx.db, caseId, { draft: null, decisionDate: date, kind }))) {
      if (g.code === 'GATE_WINDOW_OPEN') {
        for (const right of ['statement', 'hearing'] as const)
          await waiveRight(tx, { caseId, right, date, note: '当事人书面声明放弃陈述、申辩和听证的权利' })
      } else if (g.code === 'GATE_REVIEW_REQUIRED') {
        await approve((await submitReview(tx, { caseId, reviewerId: reviewer.id, note: '提请法制审核', submittedOn: date })).id, date)
      } else if (g.code === 'GATE_DISCUSSION_REQUIRED') {
        await recordDiscussion(tx, {
          caseId,
          heldOn: date,
          ...heads,
          conclusion: kind,
          conclusionText: '同意承办机构的处理意见',
          record: ''
        })
      }
    }
  }

  const steps = plans.flatMap((p, pi) => p.items.map((it, si) => ({ p, pi, si, it })))
  steps.sort((a, b) => (a.it.date < b.it.date ? -1 : a.it.date > b.it.date ? 1 : a.pi - b.pi || a.si - b.si))
  const note = (key: string) => M.notes[key] ?? ''
  const fineText = (p: Plan) => (p.penalty.fine > 0 ? `罚款人民币${p.penalty.fine}元` : '警告')
  for (const { p, it } of steps) {
    if (it.kind === 'status' && it.to === 'registered') {
      const input = contract['cases.register'].input.parse({
        source: p.source,
        sourceDate: it.date,
        procedure: p.procedure,
        cause: p.cause.cause,
        facts: p.facts,
        parties: [
          { partyId: partyIds[p.partyIndex]!, role: 'party' },
          ...(p.extraPartyIndex !== null ? [{ partyId: partyIds[p.extraPartyIndex]!, role: 'responsible_person' as const }] : [])
        ],
        officerIds: p.team.map((i) => officerRecs[i]!.id),
        intendedPenalty: p.penalty
      })
      p.caseId = await registerCase(tx, input)
    } else if (it.kind === 'status' && (await steppedMove(tx, approver, p.caseId, it.to, it.date, ''))) {
      // 立案审批, 结案审批, 立卷, 归档
    } else if (it.kind === 'status' && it.to === 'filed') {
      await fileCase(tx, contract['cases.file'].input.parse({ id: p.caseId, filedOn: it.date, note: note('filed') }))
    } else if (it.kind === 'status' && p.procedure === 'general' && it.to === 'legal_review') {
      // a real review round: submitted to the legal reviewer, decided when the case moves on
      await submitReview(tx, {
        caseId: p.caseId,
        reviewerId: reviewer.id,
        note: '案件拟作出较大数额罚款，提请法制审核',
        submittedOn: it.date
      })
    } else if (it.kind === 'status' && p.procedure === 'general' && it.to === 'discussion') {
      const next = p.items[p.items.indexOf(it) + 1]
      const to = next?.kind === 'status' ? next.to : 'decided'
      await closeReview(p.caseId, it.date)
      await recordDiscussion(tx, {
        caseId: p.caseId,
        heldOn: it.date,
        ...heads,
        conclusion: to === 'no_penalty' ? 'no_penalty' : to === 'transferred' ? 'transfer' : 'penalty',
        conclusionText:
          to === 'no_penalty'
            ? '违法行为轻微并及时改正，没有造成危害后果，决定不予行政处罚'
            : to === 'transferred'
              ? '涉嫌犯罪，移送司法机关'
              : `同意承办机构意见，${fineText(p)}`,
        record: ''
      })
    } else if (it.kind === 'status') {
      const key = p.procedure === 'summary' && ['decided', 'served', 'transferred'].includes(it.to) ? `summary_${it.to}` : it.to
      const text = it.to === 'decided' ? `${note(key)}：${fineText(p)}` : note(key)
      await closeReview(p.caseId, it.date)
      if (p.procedure === 'general' && (it.to === 'decided' || it.to === 'no_penalty')) {
        await satisfyGates(p.caseId, it.date, it.to === 'decided' ? 'penalty' : 'no_penalty')
        const opinion = it.to === 'decided' ? `同意承办机构意见，${fineText(p)}。` : '同意不予行政处罚。'
        await recordApproval(tx, { caseId: p.caseId, kind: 'handling', outcome: 'approved', opinion, date: it.date }, approver)
      }
      await transitionCase(tx, contract['cases.transition'].input.parse({ id: p.caseId, to: it.to, date: it.date, note: text }))
    } else if (it.kind === 'event') {
      const text = it.type === 'paid' ? `${note('paid')}${p.penalty.fine}元` : note('published')
      await recordCaseEvent(tx, contract['cases.recordEvent'].input.parse({ id: p.caseId, type: it.type, date: it.date, note: text }))
    } else if (it.kind === 'extend') {
      await adjustDeadline(
        tx,
        contract['deadlines.adjust'].input.parse({
          caseId: p.caseId,
          adjustment: {
            code: 'decision',
            kind: 'extension',
            length: it.length,
            reason: '案情复杂，需进一步调查取证，经负责人批准延长办案期限',
            approvedBy: EXTENSION_APPROVER
          }
        })
      )
    } else {
      await setCaseFlag(
        tx,
        contract['cases.setFlag'].input.parse({
          id: p.caseId,
          flag: 'suspended',
          on: true,
          reason: '涉案设备需委托检测机构进行技术鉴定，案件中止调查'
        })
      )
    }
  }
  return plans.length
}
