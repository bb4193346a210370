/** `casebinder hearing` and `casebinder discussion`: hearings and waivers (听证), and the heads' collective discussion (集体讨论). */
import type { Command } from 'commander'
import { ReviewInputs } from '../../core/review-views'
import { caseIdOf, type Door } from '../run'
import { fail, type Printer } from '../output'
import { collect, pick } from '../args'
import { printReview } from './review'

export function registerHearings(program: Command, door: Door, out: Printer): void {
  const { run } = door
  /** the case's latest hearing request: the service says whether the step asked for fits its state */
  const latestHearing = async (ref: string) => {
    const h = (await run('reviews.show', { caseId: await caseIdOf(door, ref) })).hearings.at(-1)
    if (!h) return fail('HEARING_NOT_FOUND', `案件 ${ref} 没有听证申请`)
    return h
  }

  const hearing = program.command('hearing').description('hearings and waivers (听证)')
  hearing
    .command('request <case>')
    .requiredOption('--date <date>', 'the day the party asked for a hearing')
    .option('--note <text>', '', '')
    .action(async (ref: string, o: { date: string; note: string }) =>
      printReview(out, await run('hearings.request', { caseId: await caseIdOf(door, ref), requestedOn: o.date, note: o.note }))
    )
  hearing
    .command('schedule <case>')
    .requiredOption('--notice-on <date>', 'the day the hearing notice is served')
    .requiredOption('--at <datetime>', 'hearing time, YYYY-MM-DDTHH:mm')
    .requiredOption('--place <text>')
    .requiredOption('--chair <officerId>', 'the chair (not an investigator of the case)')
    .requiredOption('--clerk <name>')
    .option('--private <reason>', 'not public, with the reason')
    .action(async (ref: string, o: { noticeOn: string; at: string; place: string; chair: string; clerk: string; private?: string }) =>
      printReview(
        out,
        await run('hearings.schedule', {
          hearingId: (await latestHearing(ref)).id,
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
    .action(async (ref: string, o: { date: string; agent?: string[]; show?: boolean; summary: string }) =>
      printReview(
        out,
        await run('hearings.hold', {
          hearingId: (await latestHearing(ref)).id,
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
    .action(async (ref: string, o: { right: string; date: string; note: string }) =>
      printReview(
        out,
        await run('waivers.record', {
          caseId: await caseIdOf(door, ref),
          right: pick(ReviewInputs.waive.shape.right, o.right, '--right'),
          date: o.date,
          note: o.note
        })
      )
    )

  /** a user named by login (any case) or by user id; whether they may attend is the service's to say */
  const userIdOf = async (v: string, option: string): Promise<number> => {
    if (/^\d+$/.test(v)) return Number(v)
    const u = (await run('users.directory', {})).find((x) => x.login.toLowerCase() === v.trim().toLowerCase())
    return u ? u.id : fail('USER_NOT_FOUND', `没有登录名为 ${v} 的在用账户`, { issues: [{ path: option, message: '未找到该账户' }] })
  }

  program
    .command('discussion <case>')
    .description("record the heads' collective discussion (集体讨论); drafts the 集体讨论记录")
    .requiredOption('--date <date>')
    .requiredOption('--chair <login|id>', 'the head who chairs it (one of the attendees)')
    .requiredOption('--attendee <login|id>', 'repeat for each head attending (three or more)', collect)
    .requiredOption('--conclusion <c>', 'penalty | no_penalty | not_established | transfer | further_investigation')
    .requiredOption('--text <text>', 'the decision taken')
    .option('--record <text>', 'the discussion record', '')
    .action(async (ref: string, o: { date: string; chair: string; attendee: string[]; conclusion: string; text: string; record: string }) =>
      printReview(
        out,
        await run('discussions.record', {
          caseId: await caseIdOf(door, ref),
          heldOn: o.date,
          chairId: await userIdOf(o.chair, '--chair'),
          // one after another: each lookup is a call of its own (its own connection to the home)
          attendeeIds: await (async () => {
            const ids: number[] = []
            for (const a of o.attendee) ids.push(await userIdOf(a, '--attendee'))
            return ids
          })(),
          conclusion: pick(ReviewInputs.discussion.shape.conclusion, o.conclusion, '--conclusion'),
          conclusionText: o.text,
          record: o.record
        })
      )
    )
}
