/** Hearings (听证, hearings): request, eligibility, notice and schedule, the hearing held or waived. */
import { isSet, type Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { HearingSchema } from '../../../core/review-views'
import * as q from '../../engine/sql'

export interface HearingRecord {
  id: number
  caseId: number
  status: 'requested' | 'scheduled' | 'held' | 'waived' | 'not_eligible'
  requestedOn: string
  eligible: boolean
  eligibility: string
  noticeOn: string | null
  scheduledAt: string | null
  place: string
  chairId: number | null
  chairName: string
  clerk: string
  public: boolean
  privateReason: string
  agents: string[]
  heldOn: string | null
  summary: string
  waivedOn: string | null
  waiverNote: string
  createdAt: string
  updatedAt: string
}

interface HearingRow {
  id: number
  case_id: number
  status: HearingRecord['status']
  requested_on: string
  eligible: number
  eligibility: string
  notice_on: string | null
  scheduled_at: string | null
  place: string
  chair_id: number | null
  chair_name: string
  clerk: string
  public: number
  private_reason: string
  agents: string
  held_on: string | null
  summary: string
  waived_on: string | null
  waiver_note: string
  created_at: string
  updated_at: string
}

function hearingFromRow(r: HearingRow): HearingRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    status: r.status,
    requestedOn: r.requested_on,
    eligible: isSet(r.eligible),
    eligibility: r.eligibility,
    noticeOn: r.notice_on,
    scheduledAt: r.scheduled_at,
    place: r.place,
    chairId: r.chair_id,
    chairName: r.chair_name,
    clerk: r.clerk,
    public: isSet(r.public),
    privateReason: r.private_reason,
    agents: parseJsonColumn(HearingSchema.shape.agents, r.agents, { table: 'hearings', column: 'agents', id: r.id }),
    heldOn: r.held_on,
    summary: r.summary,
    waivedOn: r.waived_on,
    waiverNote: r.waiver_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export async function caseHearings(db: Scope, caseId: number): Promise<HearingRecord[]> {
  return ((await q.all(db, 'SELECT * FROM hearings WHERE case_id = ? ORDER BY id', [caseId])) as HearingRow[]).map(hearingFromRow)
}

export async function findHearing(db: Scope, id: number): Promise<HearingRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM hearings WHERE id = ?', [id])) as HearingRow | undefined
  return r ? hearingFromRow(r) : null
}

export async function insertHearing(
  db: Scope,
  h: Pick<HearingRecord, 'caseId' | 'status' | 'requestedOn' | 'eligible' | 'eligibility'>,
  at: string
): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO hearings (case_id, status, requested_on, eligible, eligibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [h.caseId, h.status, h.requestedOn, h.eligible ? 1 : 0, h.eligibility, at, at]
    )
  )
}

export async function updateHearing(db: Scope, h: HearingRecord): Promise<void> {
  await q.run(
    db,
    `UPDATE hearings SET status = @status, notice_on = @noticeOn, scheduled_at = @scheduledAt, place = @place, chair_id = @chairId,
       chair_name = @chairName, clerk = @clerk, public = @pub, private_reason = @privateReason, agents = @agentsJson, held_on = @heldOn,
       summary = @summary, waived_on = @waivedOn, waiver_note = @waiverNote, updated_at = @updatedAt
     WHERE id = @id`,
    { ...h, pub: h.public ? 1 : 0, agentsJson: JSON.stringify(h.agents) }
  )
}
