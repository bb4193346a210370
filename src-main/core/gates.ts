/**
 * Decision gates (DOMAIN.md §9 rules 2, 3, 4; 行政处罚法第五十七、五十八、六十二、六十三条): the steps that must be
 * complete before a penalty or no-penalty decision may be issued. Pure: the services gather the state, this
 * module says what is missing. Each problem names the missing step with a stable code, so every door
 * refuses the same way and the UI can explain the blocked step.
 */
import type { ErrorCode } from './errors'
import { summaryProblem, type Procedure } from './case'
import type { Trigger } from './major-decision'
import { REVIEW_STATUS_LABELS, type ReviewStatus } from './legal-review'

export type GateCode = Extract<
  ErrorCode,
  | 'GATE_NOT_FILED'
  | 'GATE_NOTICE_NOT_SERVED'
  | 'GATE_WINDOW_OPEN'
  | 'GATE_HEARING_PENDING'
  | 'GATE_STATEMENT_NOT_REVIEWED'
  | 'GATE_REVIEW_REQUIRED'
  | 'GATE_REVIEW_NOT_APPROVED'
  | 'GATE_REVIEW_STALE'
  | 'GATE_DISCUSSION_REQUIRED'
  | 'GATE_PENALTY_ABOVE_NOTICE'
  | 'SUMMARY_LIMIT_EXCEEDED'
>

/** The steps, in procedural order, for the UI's checklist. */
export const GATE_STEPS = [
  'filing',
  'notice',
  'windows',
  'statement_review',
  'hearing',
  'review',
  'discussion',
  'notice_fine',
  'summary'
] as const
export type GateStep = (typeof GATE_STEPS)[number]
export const GATE_STEP_LABELS: Record<GateStep, string> = {
  filing: '立案',
  notice: '告知',
  windows: '陈述申辩、听证申请期',
  statement_review: '陈述申辩复核',
  hearing: '听证',
  review: '法制审核',
  discussion: '集体讨论',
  notice_fine: '不高于告知的处罚',
  summary: '简易程序限额'
}

export interface GateProblem {
  code: GateCode
  step: GateStep
  message: string
  /** what to do next */
  fix: string
}

export interface GateState {
  procedure: Procedure
  /** 'penalty' for a 行政处罚决定书, 'no_penalty' for a 不予行政处罚决定书 */
  kind: 'penalty' | 'no_penalty'
  filed: boolean
  /** the decision's date (the issue date) */
  decisionDate: string
  /** the fine in the decision (yuan), null when none */
  fine: number | null
  warning: boolean
  partyKinds: readonly ('org' | 'sole' | 'person')[]
  triggers: readonly Trigger[]
  /** the decision draft being issued; null when a case is moved to 决定 without issuing a document here */
  draft: { id: number; revision: number } | null
  /** the latest legal review round */
  review: { status: ReviewStatus; documentId: number | null; revision: number | null } | null
  /** the last served notice: date served, its fine, whether it told of the right to a hearing */
  notice: { servedOn: string | null; fine: number | null; hearingRights: boolean }
  /** ends of the statement and hearing-request windows (inclusive) */
  windows: { statement?: string | undefined; hearing_request?: string | undefined }
  waived: { statement: boolean; hearing: boolean }
  hearing: { requested: boolean; eligible: boolean; held: boolean; waived: boolean } | null
  discussionRequired: boolean
  discussionHeld: boolean
  statementsMade: boolean
  statementsReviewed: boolean
}

export function decisionGate(s: GateState): GateProblem[] {
  const out: GateProblem[] = []
  if (s.procedure === 'summary') {
    const p = summaryProblem({ warning: s.warning, fine: s.fine ?? 0 }, s.partyKinds)
    if (p && s.kind === 'penalty') out.push({ code: 'SUMMARY_LIMIT_EXCEEDED', step: 'summary', message: p, fix: '改按一般程序立案办理' })
    return out
  }
  if (!s.filed) out.push({ code: 'GATE_NOT_FILED', step: 'filing', message: '案件尚未立案，不能作出处理决定', fix: '先办理立案审批' })
  const penalty = s.kind === 'penalty'
  if (penalty) {
    if (!s.notice.servedOn) {
      out.push({
        code: 'GATE_NOTICE_NOT_SERVED',
        step: 'notice',
        message: '尚未送达行政处罚告知书，不能作出行政处罚决定（行政处罚法第四十四条、第六十二条）',
        fix: '签发并送达行政处罚告知书（或听证告知书），并将案件推进到“告知”'
      })
    } else {
      const end = s.windows.statement
      if (end && s.decisionDate <= end && !s.waived.statement) {
        out.push({
          code: 'GATE_WINDOW_OPEN',
          step: 'windows',
          message: `陈述申辩期至${end}届满，决定日期须在其后`,
          fix: '等待期限届满，或者登记当事人书面放弃陈述申辩的意见'
        })
      }
      const hEnd = s.windows.hearing_request
      const hearingRights = s.notice.hearingRights || (s.hearing?.eligible ?? false)
      if (hearingRights && hEnd && s.decisionDate <= hEnd && !s.waived.hearing && !s.hearing?.requested) {
        out.push({
          code: 'GATE_WINDOW_OPEN',
          step: 'windows',
          message: `听证申请期至${hEnd}届满，决定日期须在其后`,
          fix: '等待期限届满，或者登记当事人书面放弃听证'
        })
      }
    }
    if (s.statementsMade && !s.statementsReviewed) {
      out.push({
        code: 'GATE_STATEMENT_NOT_REVIEWED',
        step: 'statement_review',
        message: '当事人提出了陈述申辩，尚未记载复核意见（行政处罚法第四十五条）',
        fix: '在决定书“陈述申辩及采纳情况”或案件处理呈批表“陈述申辩复核意见”中写明复核意见'
      })
    }
    if (s.hearing && s.hearing.requested && s.hearing.eligible && !s.hearing.held && !s.hearing.waived) {
      out.push({
        code: 'GATE_HEARING_PENDING',
        step: 'hearing',
        message: '当事人要求听证，听证尚未举行',
        fix: '组织听证并登记听证笔录和听证会报告书；当事人放弃或者无正当理由不到场的，登记放弃'
      })
    }
  }
  if (s.triggers.length) {
    const why = s.triggers.map((t) => t.label).join('、')
    const r = s.review
    if (!r) {
      out.push({
        code: 'GATE_REVIEW_REQUIRED',
        step: 'review',
        message: `本案属于重大执法决定（${why}），未经法制审核不得作出决定（行政处罚法第五十八条）`,
        fix: '提交法制审核'
      })
    } else if (r.status === 'in_review') {
      out.push({
        code: 'GATE_REVIEW_REQUIRED',
        step: 'review',
        message: `法制审核尚未作出结论（${why}）`,
        fix: '等待法制审核人员作出审核意见'
      })
    } else if (r.status !== 'approved' && r.status !== 'approved_with_changes') {
      out.push({
        code: 'GATE_REVIEW_NOT_APPROVED',
        step: 'review',
        message: `法制审核结论为“${REVIEW_STATUS_LABELS[r.status]}”，审核未通过不得作出决定（行政处罚法第五十八条）`,
        fix: r.status === 'returned' ? '补充材料后重新提交法制审核' : '按审核意见处理后重新提交法制审核'
      })
    } else if (s.draft && (r.documentId !== s.draft.id || r.revision !== s.draft.revision)) {
      out.push({
        code: 'GATE_REVIEW_STALE',
        step: 'review',
        message:
          r.documentId === s.draft.id
            ? `决定书在法制审核通过后又作了修改（审核的是第${r.revision}稿，现为第${s.draft.revision}稿），须重新审核`
            : '法制审核通过的不是这份决定书草稿，须就本决定书重新审核',
        fix: '重新提交法制审核'
      })
    }
  }
  if (s.discussionRequired && !s.discussionHeld) {
    out.push({
      code: 'GATE_DISCUSSION_REQUIRED',
      step: 'discussion',
      message: '本案属于情节复杂或者重大违法行为，须经行政机关负责人集体讨论决定（行政处罚法第五十七条第二款）',
      fix: '组织集体讨论并登记讨论记录'
    })
  }
  if (penalty && s.fine !== null && s.notice.fine !== null && s.fine > s.notice.fine) {
    out.push({
      code: 'GATE_PENALTY_ABOVE_NOTICE',
      step: 'notice_fine',
      message: `决定的罚款${s.fine}元高于告知书中的${s.notice.fine}元；加重处罚须重新告知（行政处罚法第四十五条）`,
      fix: '降低罚款，或者重新告知后再作决定'
    })
  }
  return out
}
