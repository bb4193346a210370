/**
 * CLI commands for legal review, hearings, collective discussion, publicity and the case timeline.
 */
import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import type { Channel, ChannelOutput } from '../contract'
import { GATE_STEP_LABELS, type GateStep } from '../core/gates'
import { HEAD_DECISION_LABELS, REVIEW_ASPECTS, REVIEW_ASPECT_LABELS, type HeadDecision, type ReviewAspect } from '../core/legal-review'
import { writeFileAtomic } from '../services'

type Run = <T = unknown>(channel: Channel, input: unknown) => T

const collect = (v: string, prev: string[] = []) => [...prev, v]

export function registerReviewCommands(program: Command, run: Run, out: (s: string) => void): void {
  const json = (v: unknown) => out(JSON.stringify(v, null, 2))
  const caseId = (ref: string): number => (/^\d+$/.test(ref) ? Number(ref) : run<{ id: number }>('cases.get', { ref }).id)
  const show = (ref: string) => run<ChannelOutput<'review.show'>>('review.show', { caseId: caseId(ref) })
  const openRound = (ref: string, want: 'open' | 'decided') => {
    const s = show(ref)
    const r = s.rounds.at(-1)
    if (!r || (want === 'open' ? r.status !== 'in_review' : r.status === 'in_review')) {
      throw new Error(want === 'open' ? `no legal review in progress for case ${ref}` : `no decided legal review for case ${ref}`)
    }
    return r
  }
  const printShow = (s: ChannelOutput<'review.show'>) => {
    out(`${s.caseName}  [${s.statusLabel}]  目录第${s.catalogueVersion}版`)
    out(s.triggers.length ? `重大执法决定：${s.triggers.map((t) => `${t.label}（${t.reason}）`).join('；')}` : '不属于重大执法决定目录范围')
    out(
      `听证：${s.hearing.eligible ? `符合听证条件（${s.hearing.reasons.join('；')}）` : '不符合听证条件'}；集体讨论：${s.discussionRequired ? '需要' : '不需要'}`
    )
    for (const r of s.rounds) {
      out(
        `第${r.round}轮  ${r.statusLabel}  审核人员${r.reviewerName}  提交${r.submittedOn}  期限${r.due}${r.decidedOn ? `  结论${r.decidedOn}` : ''}${r.documentId ? `  决定书#${r.documentId}第${r.documentRevision}稿` : ''}`
      )
      if (r.decision) out(`    意见：${r.decision.opinion}${r.decision.changes ? `；${r.decision.changes}` : ''}`)
      if (r.response) out(`    承办机构：${r.response === 'accepted' ? '采纳' : '有异议'}${r.responseNote ? `（${r.responseNote}）` : ''}`)
      if (r.coordinatedOn)
        out(`    协调：${r.coordination}；${r.headName}：${HEAD_DECISION_LABELS[r.headDecision as HeadDecision] ?? r.headDecision}`)
    }
    const missing = s.materials.filter((m) => m.mandatory && !m.present)
    if (missing.length) out(`缺少材料：${missing.map((m) => m.label).join('、')}`)
    if (s.gates.length) {
      out('作出决定前还需：')
      for (const g of s.gates) out(`  - [${GATE_STEP_LABELS[g.step as GateStep] ?? g.step}] ${g.message}（${g.fix}）`)
    } else if (s.procedure === 'general')
      out(
        s.decisionDraft
          ? `各项程序已完成，可以签发${s.decisionDraft.title}（文书编号 ${s.decisionDraft.id}）`
          : '各项程序已完成；尚未起草决定书'
      )
  }

  const review = program.command('review').description('legal review of major decisions (法制审核)')
  review
    .command('show <case>')
    .description('triggers, review rounds, materials and what still blocks the decision')
    .option('--json', 'print JSON')
    .action((ref: string, o: { json?: boolean }) => {
      const s = show(ref)
      if (o.json) return json(s)
      printShow(s)
    })
  review
    .command('catalogue')
    .description('the major-decision catalogue in force (重大执法决定法制审核目录清单)')
    .option('--json', 'print JSON')
    .option('--set <file>', 'save a new version from a JSON file')
    .option('--export <dir>', 'write the catalogue as CSV and HTML for publication')
    .action((o: { json?: boolean; set?: string; export?: string }) => {
      if (o.set) run('review.setCatalogue', JSON.parse(readFileSync(o.set, 'utf8')))
      if (o.export) {
        const r = run<{ files: string[] }>('review.exportCatalogue', { outDir: o.export })
        for (const f of r.files) out(f)
        return
      }
      const c = run<ChannelOutput<'review.catalogue'>>('review.catalogue', {})
      if (o.json) return json(c)
      out(`${c.catalogue.name}（第${c.version}版，自${c.catalogue.effectiveFrom}起施行）`)
      out(
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
    .action((ref: string, o: { measure?: string[]; confiscation?: string; flag?: string[]; departure?: string }) => {
      printShow(
        run('review.setProfile', {
          caseId: caseId(ref),
          measures: o.measure ?? [],
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
    .action((ref: string, o: { reviewer: string; document?: string; note: string; date?: string; json?: boolean }) => {
      const r = run<ChannelOutput<'review.submit'>>('review.submit', {
        caseId: caseId(ref),
        reviewerId: Number(o.reviewer),
        note: o.note,
        ...(o.document ? { documentId: Number(o.document) } : {}),
        ...(o.date ? { submittedOn: o.date } : {})
      })
      if (o.json) return json(r)
      out(`已提交法制审核：第${r.round}轮，审核人员${r.reviewerName}，${r.due}前完成`)
      const missing = r.materials.filter((m) => m.mandatory && !m.present)
      if (missing.length) out(`缺少材料：${missing.map((m) => m.label).join('、')}`)
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
      (
        ref: string,
        o: { outcome: string; opinion: string; problem?: string[]; changes: string; crime?: boolean; date?: string; json?: boolean }
      ) => {
        const r = openRound(ref, 'open')
        const problems = new Map((o.problem ?? []).map((p) => [p.split(':')[0]!, p.split(':').slice(1).join(':')]))
        for (const k of problems.keys())
          if (!(REVIEW_ASPECTS as readonly string[]).includes(k))
            throw new Error(`unknown aspect ${k}; use one of ${REVIEW_ASPECTS.join(', ')}`)
        const aspects = Object.fromEntries(
          REVIEW_ASPECTS.map((a) => [a, problems.has(a) ? { ok: false, note: problems.get(a) } : { ok: true, note: '' }])
        )
        const d = run<ChannelOutput<'review.decide'>>('review.decide', {
          reviewId: r.id,
          decision: { outcome: o.outcome, aspects, opinion: o.opinion, changes: o.changes, crimeSuspected: !!o.crime },
          ...(o.date ? { decidedOn: o.date } : {})
        })
        if (o.json) return json(d)
        out(`法制审核意见：${d.statusLabel}（第${d.round}轮）；已起草法制审核意见书（文书编号 ${d.opinionDocumentId}）`)
        for (const [a, note] of problems) out(`  ${REVIEW_ASPECT_LABELS[a as ReviewAspect]}：${note}`)
      }
    )
  review
    .command('respond <case>')
    .description('the handlers accept the latest opinion, or disagree (--disagree, then `review coordinate`)')
    .option('--disagree', 'the handlers disagree')
    .option('--note <text>', 'reason or remarks', '')
    .action((ref: string, o: { disagree?: boolean; note: string }) => {
      const r = openRound(ref, 'decided')
      run('review.respond', { reviewId: r.id, accept: !o.disagree, note: o.note })
      out(o.disagree ? '已登记异议；请登记协调意见和负责人的决定（review coordinate）' : '已登记：采纳审核意见')
    })
  review
    .command('coordinate <case>')
    .description("record the coordination and the head's final call after a disagreement")
    .requiredOption('--coordination <text>', '协调意见')
    .requiredOption('--head <name>', 'the head who decided')
    .requiredOption('--decision <d>', 'revise | resubmit | discussion')
    .action((ref: string, o: { coordination: string; head: string; decision: string }) => {
      const r = openRound(ref, 'decided')
      run('review.coordinate', { reviewId: r.id, coordination: o.coordination, headName: o.head, headDecision: o.decision })
      out('已登记协调意见和负责人决定')
    })
  review
    .command('queue')
    .description('reviews waiting for a decision')
    .option('--reviewer <officerId>')
    .option('--json', 'print JSON')
    .action((o: { reviewer?: string; json?: boolean }) => {
      const q = run<ChannelOutput<'review.queue'>>('review.queue', o.reviewer ? { reviewerId: Number(o.reviewer) } : {})
      if (o.json) return json(q)
      if (!q.length) return out('（没有待审核的案件）')
      for (const r of q)
        out(`${String(r.caseId).padStart(5)}  ${r.caseName}  第${r.round}轮  ${r.reviewerName}  ${r.due}前${r.overdue ? '  [已逾期]' : ''}`)
    })

  const hearing = program.command('hearing').description('hearings and waivers (听证)')
  hearing
    .command('request <case>')
    .requiredOption('--date <date>', 'the day the party asked for a hearing')
    .option('--note <text>', '', '')
    .action((ref: string, o: { date: string; note: string }) =>
      printShow(run('hearing.request', { caseId: caseId(ref), requestedOn: o.date, note: o.note }))
    )
  const lastHearing = (ref: string) => {
    const h = show(ref).hearings.at(-1)
    if (!h) throw new Error(`no hearing request for case ${ref}`)
    return h
  }
  hearing
    .command('schedule <case>')
    .requiredOption('--notice-on <date>', 'the day the hearing notice is served')
    .requiredOption('--at <datetime>', 'hearing time, YYYY-MM-DDTHH:mm')
    .requiredOption('--place <text>')
    .requiredOption('--chair <officerId>', 'the chair (not an investigator of the case)')
    .requiredOption('--clerk <name>')
    .option('--private <reason>', 'not public, with the reason')
    .action((ref: string, o: { noticeOn: string; at: string; place: string; chair: string; clerk: string; private?: string }) =>
      printShow(
        run('hearing.schedule', {
          hearingId: lastHearing(ref).id,
          noticeOn: o.noticeOn,
          scheduledAt: o.at,
          place: o.place,
          chairId: Number(o.chair),
          clerk: o.clerk,
          public: !o.private,
          privateReason: o.private ?? ''
        })
      )
    )
  hearing
    .command('hold <case>')
    .requiredOption('--date <date>', 'the day the hearing was held')
    .option('--agent <name>', "the party's agent (up to two)", collect)
    .option('--no-show', 'the party did not come (counts as waiver)')
    .option('--summary <text>', '', '')
    .action((ref: string, o: { date: string; agent?: string[]; show?: boolean; summary: string }) =>
      printShow(
        run('hearing.hold', {
          hearingId: lastHearing(ref).id,
          heldOn: o.date,
          agents: o.agent ?? [],
          noShow: o.show === false,
          summary: o.summary
        })
      )
    )
  hearing
    .command('waive <case>')
    .description('the party waived a right in writing')
    .requiredOption('--right <r>', 'statement | hearing')
    .requiredOption('--date <date>')
    .requiredOption('--note <text>', 'the written waiver (form and date)')
    .action((ref: string, o: { right: string; date: string; note: string }) =>
      printShow(run('rights.waive', { caseId: caseId(ref), right: o.right, date: o.date, note: o.note }))
    )

  program
    .command('discussion <case>')
    .description("record the heads' collective discussion (集体讨论)")
    .requiredOption('--date <date>')
    .requiredOption('--chair <name>')
    .requiredOption('--attendee <name>', 'repeat for each attendee', collect)
    .requiredOption('--conclusion <c>', 'penalty | no_penalty | not_established | transfer | further_investigation')
    .requiredOption('--text <text>', 'the decision taken')
    .option('--record <text>', 'the discussion record', '')
    .action((ref: string, o: { date: string; chair: string; attendee: string[]; conclusion: string; text: string; record: string }) =>
      printShow(
        run('discussion.record', {
          caseId: caseId(ref),
          heldOn: o.date,
          chair: o.chair,
          attendees: o.attendee,
          conclusion: o.conclusion,
          conclusionText: o.text,
          record: o.record
        })
      )
    )

  const pub = program.command('publicity').description('publication of penalty decisions (行政处罚决定公示)')
  const printPub = (p: ChannelOutput<'publicity.get'>) => {
    out(
      `#${p.id}  ${p.record.decisionNumber}  ${p.record.partyName}  [${p.statusLabel}]  应于${p.due}前公示${p.overdue ? '（已逾期）' : ''}  公示至${p.maxUntil}${p.withdrawDue ? `  应于${p.withdrawDue}前撤回` : ''}`
    )
  }
  pub
    .command('build <case>')
    .description('build the 双公示 record from the issued penalty decision (personal data redacted)')
    .option('--document <id>')
    .option('--json', 'print JSON')
    .action((ref: string, o: { document?: string; json?: boolean }) => {
      const p = run<ChannelOutput<'publicity.build'>>('publicity.build', {
        caseId: caseId(ref),
        ...(o.document ? { documentId: Number(o.document) } : {})
      })
      if (o.json) return json(p)
      printPub(p)
      out(`隐去个人信息 ${p.redactions} 处\n${p.summary}`)
    })
  pub
    .command('publish <id>')
    .requiredOption('--date <date>')
    .requiredOption('--url <url>', 'the page where it is published')
    .action((id: string, o: { date: string; url: string }) =>
      printPub(run('publicity.publish', { id: Number(id), publishedOn: o.date, url: o.url }))
    )
  pub
    .command('withdraw <id>')
    .requiredOption('--reason <r>', 'revoked | changed | unlawful | void | credit_repair | expired')
    .requiredOption('--date <date>')
    .option('--note <text>', '', '')
    .action((id: string, o: { reason: string; date: string; note: string }) =>
      printPub(run('publicity.withdraw', { id: Number(id), reason: o.reason, date: o.date, note: o.note }))
    )
  pub
    .command('changed <case>')
    .description('the decision was revoked or changed: starts the 3-working-day withdrawal period')
    .requiredOption('--date <date>')
    .requiredOption('--reason <text>')
    .action((ref: string, o: { date: string; reason: string }) => {
      for (const p of run<ChannelOutput<'publicity.list'>>('publicity.decisionChanged', {
        caseId: caseId(ref),
        date: o.date,
        reason: o.reason
      }))
        printPub(p)
    })
  pub
    .command('list')
    .option('--status <s>', 'pending | published | withdrawn | corrected | expired | removed_early')
    .option('--case <case>')
    .option('--json', 'print JSON')
    .action((o: { status?: string; case?: string; json?: boolean }) => {
      const list = run<ChannelOutput<'publicity.list'>>('publicity.list', {
        ...(o.status ? { status: o.status } : {}),
        ...(o.case ? { caseId: caseId(o.case) } : {})
      })
      if (o.json) return json(list)
      if (!list.length) return out('（无公示记录）')
      for (const p of list) printPub(p)
    })
  pub
    .command('export')
    .description('write the published records as CSV, JSON and a static HTML page')
    .requiredOption('--out <dir>')
    .action((o: { out: string }) => {
      const r = run<{ count: number; files: string[] }>('publicity.export', { outDir: o.out })
      out(`${r.count} 条公示信息`)
      for (const f of r.files) out(f)
    })

  program
    .command('timeline <case>')
    .description("the case's activity record (全过程记录) with chain verification")
    .option('--json', 'print JSON')
    .option('--kind <k>', 'case | document | evidence | review | hearing | publicity | dossier', collect)
    .option('--export <file>', 'write CSV (or JSON when the file ends in .json)')
    .action((ref: string, o: { json?: boolean; kind?: string[]; export?: string }) => {
      const id = caseId(ref)
      if (o.export) {
        const f = run<{ content: string }>('timeline.export', { caseId: id, format: o.export.endsWith('.json') ? 'json' : 'csv' })
        writeFileAtomic(o.export, f.content)
        return out(o.export)
      }
      const t = run<ChannelOutput<'timeline.show'>>('timeline.show', { caseId: id, ...(o.kind ? { kinds: o.kind } : {}) })
      if (o.json) return json(t)
      out(
        `${t.caseName}${t.caseNumber ? `（${t.caseNumber}）` : ''}  ${t.entries.length}/${t.total} 条  校验：${t.chain.ok ? '通过' : `未通过（第${t.chain.firstBad?.seq}条：${t.chain.firstBad?.reason}）`}`
      )
      for (const e of t.entries)
        out(
          `${String(e.seq).padStart(6)}  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.actionLabel}  ${e.summary}  ${e.hash.slice(0, 12)}${e.verified ? '' : '  [未通过校验]'}`
        )
    })
}
