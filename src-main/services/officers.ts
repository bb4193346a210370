import { appError } from '../core/errors'
import { certificateState, DEFAULT_EXPIRY_WARNING_DAYS, type Officer, type OfficerData, type OfficerPatch } from '../core/officer'
import { findOfficer, findOfficerByCert, insertOfficer, listOfficers, updateOfficer, type OfficerRecord } from '../store/repos/officers'
import { getSetting } from '../store/settings'
import type { Scope } from '../store/engine/engine'
import { change, today, type ServiceContext } from './context'

export async function expiryWarningDays(db: Scope): Promise<number> {
  return getSetting(db, 'certificates.expiryWarningDays', DEFAULT_EXPIRY_WARNING_DAYS)
}

function view(rec: OfficerRecord, asOf: string, warningDays: number): Officer {
  return { ...rec, expiry: certificateState(rec.validUntil, asOf, warningDays) }
}

async function mustFind(db: Scope, id: number): Promise<OfficerRecord> {
  const rec = await findOfficer(db, id)
  if (!rec) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${id} 的执法人员`, { id })
  return rec
}

async function assertCertFree(db: Scope, certNo: string, exceptId?: number): Promise<void> {
  const holder = await findOfficerByCert(db, certNo)
  if (holder && holder.id !== exceptId) {
    throw appError('OFFICER_CERT_DUPLICATE', `执法证号 ${certNo} 已登记给 ${holder.name}（编号 ${holder.id}）`, {
      issues: [{ path: 'certNo', message: `执法证号已登记给 ${holder.name}` }],
      holderId: holder.id
    })
  }
}

export async function officersList(
  ctx: ServiceContext,
  input: { includeInactive: boolean; asOf?: string | undefined }
): Promise<Officer[]> {
  return officerViews(ctx.home.store, input.includeInactive, input.asOf ?? today(ctx))
}

/** The officers with their certificate expiry state as of a date. */
export async function officerViews(db: Scope, includeInactive: boolean, asOf: string): Promise<Officer[]> {
  const warn = await expiryWarningDays(db)
  return (await listOfficers(db, includeInactive)).map((o) => view(o, asOf, warn))
}

export async function officersGet(ctx: ServiceContext, input: { id: number }): Promise<Officer> {
  const db = ctx.home.store
  return view(await mustFind(db, input.id), today(ctx), await expiryWarningDays(db))
}

export async function officersAdd(ctx: ServiceContext, input: OfficerData): Promise<Officer> {
  const rec = await change(
    ctx,
    'officers',
    async (db, at) => {
      await assertCertFree(db, input.certNo)
      return (await findOfficer(db, await insertOfficer(db, input, at)))!
    },
    (rec) => ({
      action: 'officer.add',
      targetType: 'officer',
      targetId: rec.id,
      summary: `新增执法人员 ${rec.name}（执法证号 ${rec.certNo}）`,
      detail: { after: rec }
    })
  )
  return view(rec, today(ctx), await expiryWarningDays(ctx.home.store))
}

export async function officersEdit(ctx: ServiceContext, input: { id: number; patch: OfficerPatch }): Promise<Officer> {
  const { after } = await change(
    ctx,
    'officers',
    async (db, at) => {
      const before = await mustFind(db, input.id)
      const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as Partial<OfficerData>
      if (patch.certNo !== undefined) await assertCertFree(db, patch.certNo, before.id)
      const after: OfficerRecord = { ...before, ...patch, updatedAt: at }
      await updateOfficer(db, after)
      return { before, after }
    },
    ({ before, after }) => ({
      action: 'officer.edit',
      targetType: 'officer',
      targetId: after.id,
      summary: `修改执法人员 ${after.name} 的信息（${changedFields(before, after).join('、') || '无变化'}）`,
      detail: { before, after }
    })
  )
  return view(after, today(ctx), await expiryWarningDays(ctx.home.store))
}

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  post: '职务',
  unit: '单位',
  certNo: '执法证号',
  certType: '证件类型',
  certArea: '执法区域',
  validUntil: '有效期',
  legalReviewer: '法制审核资格'
}

function changedFields(before: OfficerRecord, after: OfficerRecord): string[] {
  return Object.keys(FIELD_LABELS)
    .filter((k) => before[k as keyof OfficerRecord] !== after[k as keyof OfficerRecord])
    .map((k) => FIELD_LABELS[k]!)
}

async function setActive(ctx: ServiceContext, id: number, active: boolean, reason: string): Promise<Officer> {
  const { after } = await change(
    ctx,
    'officers',
    async (db, at) => {
      const before = await mustFind(db, id)
      if (before.active === active) {
        throw appError('OFFICER_STATE_UNCHANGED', active ? `${before.name} 已是在岗状态` : `${before.name} 已停用`, { id })
      }
      const after: OfficerRecord = {
        ...before,
        active,
        deactivatedAt: active ? null : at,
        deactivationReason: active ? null : reason || null,
        updatedAt: at
      }
      await updateOfficer(db, after)
      return { before, after }
    },
    ({ after }) => ({
      action: active ? 'officer.reactivate' : 'officer.deactivate',
      targetType: 'officer',
      targetId: after.id,
      summary: active ? `恢复执法人员 ${after.name}` : `停用执法人员 ${after.name}${reason ? `：${reason}` : ''}`,
      detail: { active, reason }
    })
  )
  return view(after, today(ctx), await expiryWarningDays(ctx.home.store))
}

export async function officersDeactivate(ctx: ServiceContext, input: { id: number; reason: string }): Promise<Officer> {
  return setActive(ctx, input.id, false, input.reason)
}

export async function officersReactivate(ctx: ServiceContext, input: { id: number }): Promise<Officer> {
  return setActive(ctx, input.id, true, '')
}
