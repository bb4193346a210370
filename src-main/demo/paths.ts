/**
 * Case plans for the demo: the statuses a case passes through to reach its target, the days between steps,
 * and the dated items (payment, publicity, extension, suspension) along the way.
 */
import type { CaseSource, CaseStatus, Procedure } from '../core/case'
import type { AlertLevel } from '../core/deadlines'
import type { Rng } from './rng'

export type Item =
  | { kind: 'status'; to: CaseStatus; off: number }
  | { kind: 'event'; type: 'paid' | 'published'; off: number }
  | { kind: 'extend'; length: number; off: number }
  | { kind: 'suspend'; off: number }

export interface Special {
  target: CaseStatus
  /** the anchor status whose date makes deadline `rule` reach alert `level` today */
  anchor?: { status: CaseStatus; rule: string; level: AlertLevel }
  /** days since filing, with an extension of the decision period (延期) */
  extended?: { age: [number, number]; length: number }
  suspended?: boolean
  /** days in the current status */
  dwell?: [number, number]
  publish?: boolean
}

export const SPECIALS: readonly Special[] = [
  { target: 'investigating', anchor: { status: 'filed', rule: 'decision', level: 'overdue' } },
  { target: 'internal_review', anchor: { status: 'filed', rule: 'decision', level: 'due1' } },
  { target: 'discussion', anchor: { status: 'filed', rule: 'decision', level: 'due3' } },
  { target: 'registered', anchor: { status: 'registered', rule: 'filing', level: 'due1' } },
  { target: 'registered', anchor: { status: 'registered', rule: 'filing', level: 'due3' } },
  { target: 'decided', anchor: { status: 'decided', rule: 'service', level: 'due3' }, publish: false },
  { target: 'closed', anchor: { status: 'closed', rule: 'archiving', level: 'overdue' } },
  { target: 'investigating', extended: { age: [96, 110], length: 30 } },
  { target: 'internal_review', extended: { age: [100, 115], length: 60 } },
  { target: 'hearing', extended: { age: [92, 104], length: 30 } },
  { target: 'legal_review', extended: { age: [88, 100], length: 30 } },
  { target: 'investigating', suspended: true, dwell: [20, 40] }
]

/** Share of cases by current status (scaled to the requested count). */
export const STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['archived', 50],
  ['dossier', 8],
  ['closed', 10],
  ['closing_approval', 8],
  ['executing', 14],
  ['enforcement', 5],
  ['served', 6],
  ['decided', 6],
  ['discussion', 4],
  ['hearing', 3],
  ['notice', 6],
  ['legal_review', 4],
  ['internal_review', 6],
  ['investigating', 14],
  ['filed', 6],
  ['filing_approval', 4],
  ['registered', 8],
  ['not_filed', 6],
  ['revoked', 3],
  ['terminated', 3],
  ['transferred', 5],
  ['no_penalty', 5]
]
export const SUMMARY_TARGETS = new Set<CaseStatus>([
  'archived',
  'dossier',
  'closed',
  'closing_approval',
  'executing',
  'enforcement',
  'transferred'
])
export const SOURCE_WEIGHTS: readonly (readonly [CaseSource, number])[] = [
  ['inspection', 45],
  ['random', 20],
  ['complaint', 14],
  ['transfer', 7],
  ['assignment', 5],
  ['accident', 6]
]
export const EXIT_FROM: Partial<Record<CaseStatus, readonly (readonly [CaseStatus, number])[]>> = {
  not_filed: [
    ['registered', 7],
    ['filing_approval', 3]
  ],
  transferred: [
    ['registered', 3],
    ['filed', 1],
    ['investigating', 3],
    ['internal_review', 2],
    ['discussion', 1]
  ],
  revoked: [
    ['filed', 1],
    ['investigating', 2],
    ['internal_review', 2]
  ],
  terminated: [
    ['filed', 1],
    ['investigating', 3],
    ['internal_review', 2],
    ['notice', 1]
  ],
  no_penalty: [
    ['internal_review', 4],
    ['legal_review', 1],
    ['notice', 3],
    ['hearing', 1],
    ['discussion', 1]
  ]
}
export const TAIL: readonly CaseStatus[] = ['closing_approval', 'closed', 'dossier', 'archived']
/** Days the case has stayed in its current status, by status. */
export const DWELL: Partial<Record<CaseStatus, [number, number]>> = {
  registered: [0, 12],
  filing_approval: [0, 6],
  filed: [0, 4],
  investigating: [0, 40],
  internal_review: [0, 12],
  legal_review: [0, 8],
  notice: [0, 6],
  hearing: [0, 8],
  discussion: [0, 6],
  decided: [0, 4],
  served: [0, 3],
  executing: [0, 30],
  enforcement: [5, 90],
  closing_approval: [0, 8],
  closed: [0, 20],
  dossier: [0, 8],
  not_filed: [0, 150],
  revoked: [0, 40],
  terminated: [0, 40],
  transferred: [0, 40],
  no_penalty: [0, 40]
}

export function gap(r: Rng, from: CaseStatus, to: CaseStatus): number {
  const g: Partial<Record<string, [number, number]>> = {
    'registered>filing_approval': [1, 3],
    'registered>filed': [1, 8],
    'filing_approval>filed': [1, 4],
    'filed>investigating': [0, 2],
    'investigating>internal_review': [12, 40],
    'internal_review>legal_review': [1, 4],
    'internal_review>notice': [2, 7],
    'legal_review>notice': [2, 6],
    'notice>hearing': [8, 14],
    'notice>discussion': [8, 14],
    'notice>decided': [8, 14],
    'hearing>discussion': [2, 7],
    'hearing>decided': [2, 6],
    'discussion>decided': [1, 4],
    'decided>served': [0, 4],
    'served>executing': [0, 1],
    'executing>enforcement': [20, 40],
    'executing>closing_approval': [1, 10],
    'enforcement>closing_approval': [1, 10],
    'closing_approval>closed': [1, 5],
    'closed>dossier': [2, 10],
    'dossier>archived': [2, 12],
    'registered>not_filed': [3, 12],
    'filing_approval>not_filed': [1, 5],
    'notice>no_penalty': [8, 14],
    'hearing>no_penalty': [2, 6],
    'discussion>no_penalty': [1, 4],
    'notice>terminated': [3, 20]
  }
  const range =
    g[`${from}>${to}`] ??
    (to === 'closing_approval' ? [1, 10] : to === 'transferred' || to === 'revoked' || to === 'terminated' ? [3, 20] : [2, 8])
  return r.int(range[0], range[1])
}

/** The statuses a case passes through to reach `target`. */
export function statusPath(
  procedure: Procedure,
  target: CaseStatus,
  o: {
    approval: boolean
    legal: boolean
    hearing: boolean
    discussion: boolean
    enforcement: boolean
    exitFrom: CaseStatus | null
    exit: CaseStatus | null
  }
): CaseStatus[] {
  let main: CaseStatus[]
  if (procedure === 'summary') {
    main =
      o.exit === 'transferred'
        ? ['registered', 'transferred', ...TAIL]
        : ['registered', 'decided', 'served', 'executing', ...(o.enforcement ? ['enforcement' as const] : []), ...TAIL]
  } else {
    main = ['registered']
    if (o.approval) main.push('filing_approval')
    main.push('filed', 'investigating', 'internal_review')
    if (o.legal) main.push('legal_review')
    main.push('notice')
    if (o.hearing) main.push('hearing')
    if (o.discussion) main.push('discussion')
    main.push('decided', 'served', 'executing')
    if (o.enforcement) main.push('enforcement')
    main.push(...TAIL)
    if (o.exit && o.exitFrom) {
      main = [...main.slice(0, main.indexOf(o.exitFrom) + 1), o.exit, ...(o.exit === 'not_filed' ? [] : TAIL)]
    }
  }
  const at = main.indexOf(target)
  if (at < 0) throw new Error(`demo: ${target} is not on the planned path`)
  return main.slice(0, at + 1)
}

/** Offsets (days from the source date) of every step, with payment, publicity, extension and suspension. */
export function timeline(r: Rng, procedure: Procedure, path: CaseStatus[], fine: number, publish: boolean): Item[] {
  const items: Item[] = [{ kind: 'status', to: 'registered', off: 0 }]
  let t = 0
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!
    const to = path[i]!
    if (to === 'closing_approval' && fine > 0 && (from === 'executing' || from === 'enforcement')) {
      // the fine is paid first: within the 15-day window, or after the court has enforced it
      const paidAt = t + (from === 'enforcement' ? r.int(20, 90) : r.int(2, 13))
      items.push({ kind: 'event', type: 'paid', off: paidAt })
      t = paidAt + r.int(1, 8)
    } else if (procedure === 'summary' && (to === 'decided' || to === 'served' || to === 'executing')) {
      // 当场处罚: decided and handed over on the spot
    } else if (procedure === 'summary' && to === 'transferred') {
      t += r.int(0, 3)
    } else {
      t += gap(r, from, to)
    }
    items.push({ kind: 'status', to, off: t })
    // publicity (公示) after the decision has been served, within 7 working days of the decision
    if (to === 'served' && publish) items.push({ kind: 'event', type: 'published', off: t + r.int(0, 3) })
    if (to === 'executing' && fine > 0 && i === path.length - 1) {
      // still executing: paid within the window, or not yet
      items.push({ kind: 'event', type: 'paid', off: t + r.int(2, 13) })
    }
  }
  return items.sort((a, b) => a.off - b.off)
}
