/** What a case's review profile records beyond the case itself: measures, confiscation, departure, manual flags (case_review_profiles). */
import { isSet, type Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { ReviewProfileSchema } from '../../../core/review-views'
import type { Measure } from '../../../core/major-decision'
import * as q from '../../engine/sql'

export interface ReviewProfile {
  measures: Measure[]
  confiscation: number
  departure: boolean
  departureReason: string
  manualFlags: string[]
  updatedAt: string | null
}

export async function getProfile(db: Scope, caseId: number): Promise<ReviewProfile> {
  const r = (await q.get(db, 'SELECT * FROM case_review_profiles WHERE case_id = ?', [caseId])) as
    | { measures: string; confiscation_fen: number; departure: number; departure_reason: string; manual_flags: string; updated_at: string }
    | undefined
  if (!r) return { measures: [], confiscation: 0, departure: false, departureReason: '', manualFlags: [], updatedAt: null }
  const at = { table: 'case_review_profiles', id: caseId, key: 'case_id' }
  return {
    measures: parseJsonColumn(ReviewProfileSchema.shape.measures, r.measures, { ...at, column: 'measures' }),
    confiscation: r.confiscation_fen / 100,
    departure: isSet(r.departure),
    departureReason: r.departure_reason,
    manualFlags: parseJsonColumn(ReviewProfileSchema.shape.manualFlags, r.manual_flags, { ...at, column: 'manual_flags' }),
    updatedAt: r.updated_at
  }
}

export async function saveProfile(db: Scope, caseId: number, p: Omit<ReviewProfile, 'updatedAt'>, at: string): Promise<void> {
  await q.run(
    db,
    `INSERT INTO case_review_profiles (case_id, measures, confiscation_fen, departure, departure_reason, manual_flags, updated_at)
     VALUES (@caseId, @measures, @fen, @departure, @reason, @flags, @at)
     ON CONFLICT(case_id) DO UPDATE SET measures = excluded.measures, confiscation_fen = excluded.confiscation_fen, departure = excluded.departure,
       departure_reason = excluded.departure_reason, manual_flags = excluded.manual_flags, updated_at = excluded.updated_at`,
    {
      caseId,
      measures: JSON.stringify(p.measures),
      fen: Math.round(p.confiscation * 100),
      departure: p.departure ? 1 : 0,
      reason: p.departureReason,
      flags: JSON.stringify(p.manualFlags),
      at
    }
  )
}
