/** `casebinder review`: legal review of major decisions (法制审核) and the catalogue it follows. */
import type { Command } from 'commander'
import type { ChannelOutput } from '../../contract'
import { GATE_STEP_LABELS, GATE_STEPS } from '../../core/gates'
import { z } from 'zod'
import {
  HEAD_DECISION_LABELS,
  HEAD_DECISIONS,
  REVIEW_ASPECT_LABELS,
  REVIEW_ASPECTS,
  ReviewDecisionSchema,
  missingMaterials
} from '../../core/legal-review'
import { ReviewInputs } from '../../core/review-views'
import { MEASURES } from '../../core/major-decision'
import { caseIdOf, type Door } from '../run'
import { fail, type Printer } from '../output'
import { collect, isOneOf, parseJsonArg, pick, pickAll, recordOf } from '../args'

type ReviewShow = ChannelOutput<'reviews.show'>

/** What `review show` prints, and every hearing and discussion command after its change. */
export function printReview(out: Printer, s: ReviewShow): void {
  out.line(`${s.caseName}  [${s.statusLabel}]  目录第${s.catalogueVersion}版`)
  out.line(
    s.triggers.length ? `重大执法决定：${s.triggers.map((t) => `${t.label}（${t.reason}）`).join('；')}` : '不属于重大执法决定目录范围'
  )
  out.line(
    `听证：${s.hearing.eligible ? `符合听证条件（${s.hearing.reasons.join('；')}）` : '不符合听证条件'}；集体讨论：${s.discussionRequired ? '需要' : '不需要'}`
  )
  for (const r of s.rounds) {
    out.line(
      `第${r.round}轮  ${r.statusLabel}  审核人员${r.reviewerName}  提交${r.submittedOn}  期限${r.due}${r.decidedOn ? `  结论${r.decidedOn}` : ''}${r.documentId ? `  决定书#${r.documentId}第${r.documentRevision}稿` : ''}`
    )
    if (r.decision) out.line(`    意见：${r.decision.opinion}${r.decision.changes ? `；${r.decision.changes}` : ''}`)
    if (r.response)
      out.line(`    承办机构：${r.response === 'accepted' ? '采纳' : '有异议'}${r.responseNote ? `（${r.responseNote}）` : ''}`)
    if (r.coordinatedOn)
      out.line(
        `    协调：${r.coordination}；${r.headName}：${isOneOf(HEAD_DECISIONS, r.headDecision) ? HEAD_DECISION_LABELS[r.headDecision] : r.headDecision}`
      )
  }
  printMissing(out, s.missingMaterials)
  if (s.gates.length) {
    out.line('作出决定前还需：')
    for (const g of s.gates) out.line(`  - [${isOneOf(GATE_STEPS, g.step) ? GATE_STEP_LABELS[g.step] : g.step}] ${g.message}（${g.fix}）`)
  } else if (s.procedure === 'general')
    out.line(
      s.decisionDraft
        ? `各项程序已完成，可以签发${s.decisionDraft.title}（文书编号 ${s.decisionDraft.id}）`
        : '各项程序已完成；尚未起草决定书'
    )
}

function printMissing(out: Printer, missing: ReviewShow['missingMaterials']): void {
  if (missing.length) out.line(`缺少材料：${missing.map((m) => m.label).join('、')}`)
}

export function registerReview(program: Command, door: Door, out: Printer): void {
  const { run, runJson } = door
  const show = async (ref: string) => run('reviews.show', { caseId: await caseIdOf(door, ref) })
  /** the case's latest review round: the service says whether the step asked for fits its state */
  const latestRound = async (ref: string) => {
    const r = (await show(ref)).rounds.at(-1)
    if (!r) return fail('REVIEW_NOT_FOUND', `案件 ${ref} 尚未提交法制审核`)
    return r
  }

  const review = program.command('review').description('legal review of major decisions (法制审核)')
  review
    .command('show <case>')
    .description('triggers, review rounds, materials and what still blocks the decision')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const s = await show(ref)
      if (o.json) return out.json(s)
      printReview(out, s)
    })
  review
    .command('catalogue')
    .description('the major-decision catalogue in force (重大执法决定法制审核目录清单)')
    .option('--json', 'print JSON')
    .option('--set <file>', 'save a new version from a JSON file')
    .option('--export <dir>', 'write the catalogue as CSV and HTML for publication')
    .action(async (o: { json?: boolean; set?: string; export?: string }) => {
      if (o.set) await runJson('reviews.setCatalogue', parseJsonArg(`@${o.set}`, '--set'))
      if (o.export) {
        const r = await run('reviews.exportCatalogue', { outDir: o.export })
        for (const f of r.files) out.line(f)
        return
      }
      const c = await run('reviews.getCatalogue', {})
      if (o.json) return out.json(c)
      out.line(`${c.catalogue.name}（第${c.version}版，自${c.catalogue.effectiveFrom}起施行）`)
      out.line(
        `罚款：单位${c.catalogue.fineThreshold.org}元以上，个人${c.catalogue.fineThreshold.person}元以上；审核期限${c.catalogue.reviewDays}个工作日`
      )
    })
  review
    .command('profile <case>')
    .description('record what the case intends beyond warning and fine, and manual flags')
    .option(
      '--measure <m>',
      'stop_production | stop_construction | closure | licence_revoke | licence_suspend | certificate_revoke | restrict_practice',
      collect
    )
    .option('--confiscation <yuan>', 'confiscation amount')
    .option('--flag <code>', 'manual flag from the catalogue (complex, multi_jurisdiction, public_interest, referred)', collect)
    .option('--departure <reason>', 'the penalty departs from the discretion benchmark, with the reason')
    .action(async (ref: string, o: { measure?: string[]; confiscation?: string; flag?: string[]; departure?: string }) => {
      printReview(
        out,
        await run('reviews.setProfile', {
          caseId: await caseIdOf(door, ref),
          measures: pickAll(z.enum(MEASURES), o.measure, '--measure'),
          confiscation: Number(o.confiscation ?? 0),
          manualFlags: o.flag ?? [],
          departure: !!o.departure,
          departureReason: o.departure ?? ''
        })
      )
    })
  review
    .command('submit <case>')
    .description('submit the case for legal review')
    .requiredOption('--reviewer <officerId>', 'the legal reviewer (an officer with the legal-review qualification)')
    .option('--document <id>', 'the decision draft reviewed (default: the latest draft decision)')
    .option('--note <text>', 'submission note', '')
    .option('--date <date>', 'submission date (default today)')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { reviewer: string; document?: string; note: string; date?: string; json?: boolean }) => {
      const r = await run('reviews.submit', {
        caseId: await caseIdOf(door, ref),
        reviewerId: Number(o.reviewer),
        note: o.note,
        ...(o.document ? { documentId: Number(o.document) } : {}),
        ...(o.date ? { submittedOn: o.date } : {})
      })
      if (o.json) return out.json(r)
      out.line(`已提交法制审核：第${r.round}轮，审核人员${r.reviewerName}，${r.due}前完成`)
      printMissing(out, missingMaterials(r.materials))
    })
  review
    .command('decide <case>')
    .description('the reviewer decides the open round: approved | approved_with_changes | rejected | returned')
    .requiredOption('--outcome <o>', 'approved | approved_with_changes | rejected | returned')
    .requiredOption('--opinion <text>', 'the written opinion')
    .option('--problem <aspect:note>', `an aspect with a problem; aspects: ${REVIEW_ASPECTS.join(', ')}`, collect)
    .option('--changes <text>', 'what must change or be added', '')
    .option('--crime', 'a crime is suspected (transfer to the judicial organs)')
    .option('--date <date>', 'decision date (default today)')
    .option('--json', 'print JSON')
    .action(
      async (
        ref: string,
        o: { outcome: string; opinion: string; problem?: string[]; changes: string; crime?: boolean; date?: string; json?: boolean }
      ) => {
        const problems = new Map(
          (o.problem ?? []).map((p) => [pick(z.enum(REVIEW_ASPECTS), p.split(':')[0] ?? '', '--problem'), p.split(':').slice(1).join(':')])
        )
        const r = await latestRound(ref)
        const d = await run('reviews.decide', {
          reviewId: r.id,
          decision: {
            outcome: pick(ReviewDecisionSchema.shape.outcome, o.outcome, '--outcome'),
            aspects: recordOf(REVIEW_ASPECTS, (a) => ({ ok: !problems.has(a), note: problems.get(a) ?? '' })),
            opinion: o.opinion,
            changes: o.changes,
            crimeSuspected: !!o.crime
          },
          ...(o.date ? { decidedOn: o.date } : {})
        })
        if (o.json) return out.json(d)
        out.line(`法制审核意见：${d.statusLabel}（第${d.round}轮）；已起草法制审核意见书（文书编号 ${d.opinionDocumentId}）`)
        for (const [a, note] of problems) out.line(`  ${REVIEW_ASPECT_LABELS[a]}：${note}`)
      }
    )
  review
    .command('respond <case>')
    .description('the handlers accept the latest opinion, or disagree (--disagree, then `review coordinate`)')
    .option('--disagree', 'the handlers disagree')
    .option('--note <text>', 'reason or remarks', '')
    .action(async (ref: string, o: { disagree?: boolean; note: string }) => {
      await run('reviews.respond', { reviewId: (await latestRound(ref)).id, accept: !o.disagree, note: o.note })
      out.line(o.disagree ? '已登记异议；请登记协调意见和负责人的决定（review coordinate）' : '已登记：采纳审核意见')
    })
  review
    .command('coordinate <case>')
    .description("record the coordination and the head's final call after a disagreement")
    .requiredOption('--coordination <text>', '协调意见')
    .requiredOption('--head <name>', 'the head who decided')
    .requiredOption('--decision <d>', 'revise | resubmit | discussion')
    .action(async (ref: string, o: { coordination: string; head: string; decision: string }) => {
      await run('reviews.coordinate', {
        reviewId: (await latestRound(ref)).id,
        coordination: o.coordination,
        headName: o.head,
        headDecision: pick(ReviewInputs.coordinate.shape.headDecision, o.decision, '--decision')
      })
      out.line('已登记协调意见和负责人决定')
    })
  review
    .command('queue')
    .description('reviews waiting for a decision')
    .option('--reviewer <officerId>')
    .option('--json', 'print JSON')
    .action(async (o: { reviewer?: string; json?: boolean }) => {
      const q = await run('reviews.queue', o.reviewer ? { reviewerId: Number(o.reviewer) } : {})
      if (o.json) return out.json(q)
      if (!q.length) return out.line('（没有待审核的案件）')
      for (const r of q)
        out.line(
          `${String(r.caseId).padStart(5)}  ${r.caseName}  第${r.round}轮  ${r.reviewerName}  ${r.due}前${r.overdue ? '  [已逾期]' : ''}`
        )
    })
}
