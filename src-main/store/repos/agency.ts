import type { Agency, AgencyData } from '../../core/agency'
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

interface Row {
  name: string
  short_name: string
  credit_code: string
  address: string
  postcode: string
  phone: string
  reconsideration_body: string
  court: string
  bank_name: string
  bank_account_name: string
  bank_account_no: string
  province: string
  jurisdiction: string
  updated_at: string
}

export async function getAgency(db: Scope): Promise<Agency | null> {
  const r = (await q.get(db, 'SELECT * FROM agency WHERE id = 1')) as Row | undefined
  if (!r) return null
  return {
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    address: r.address,
    postcode: r.postcode,
    phone: r.phone,
    reconsiderationBody: r.reconsideration_body,
    court: r.court,
    bankName: r.bank_name,
    bankAccountName: r.bank_account_name,
    bankAccountNo: r.bank_account_no,
    province: r.province,
    jurisdiction: r.jurisdiction,
    updatedAt: r.updated_at
  }
}

export async function saveAgency(db: Scope, a: AgencyData, updatedAt: string): Promise<void> {
  await q.run(
    db,
    `INSERT INTO agency (id, name, short_name, credit_code, address, postcode, phone, reconsideration_body, court,
                         bank_name, bank_account_name, bank_account_no, province, jurisdiction, updated_at)
     VALUES (1, @name, @shortName, @creditCode, @address, @postcode, @phone, @reconsiderationBody, @court,
             @bankName, @bankAccountName, @bankAccountNo, @province, @jurisdiction, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET
       name = excluded.name, short_name = excluded.short_name, credit_code = excluded.credit_code,
       address = excluded.address, postcode = excluded.postcode, phone = excluded.phone,
       reconsideration_body = excluded.reconsideration_body, court = excluded.court, bank_name = excluded.bank_name,
       bank_account_name = excluded.bank_account_name, bank_account_no = excluded.bank_account_no,
       province = excluded.province, jurisdiction = excluded.jurisdiction, updated_at = excluded.updated_at`,
    { ...a, updatedAt }
  )
}
