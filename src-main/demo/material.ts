/**
 * The demo's material (resources/demo): the agency and officers (foundation.json), and the districts,
 * industries, parties, causes and notes the cases are made from (cases.json), with the fixed choices of the
 * bureau (teams, heads, the extension approver).
 */
import foundation from '../../resources/demo/foundation.json'
import material from '../../resources/demo/cases.json'
import type { PartyKind } from '../core/party'
import type { Role } from '../core/roles'

export const FOUNDATION = foundation

export interface Industry {
  label: string
  sites: string[]
  works: string[]
  equips: string[]
  ppe: string[]
  goods: string[]
  hotworks: string[]
  spaces: string[]
}
export interface DemoParty {
  kind: PartyKind
  name: string
  district: string
  address: string
  phone: string
  industry?: string
  legalRep?: string
  legalRepPost?: string
  licences?: string
  birthDate?: string
  sex?: '男' | '女'
  employerOf?: string
  post?: string
}
export interface DemoCause {
  cause: string
  industries: string[]
  summary: boolean
  fine: [number, number]
  facts: string
  n?: [number, number]
  target?: 'person'
}
export interface Material {
  districts: Record<string, { code: string; postcode: string }>
  industries: Record<string, Industry>
  parties: DemoParty[]
  causes: DemoCause[]
  notes: Record<string, string>
}
export const M = material as unknown as Material

/** How many days back the demo reaches (~14 months). */
export const SPAN_DAYS = 425
/** Officer pairs (indexes into foundation.json officers); 刘芳 (法规科, legal reviewer) does not handle cases. */
export const TEAMS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 5],
  [1, 5],
  [2, 3],
  [2, 5],
  [6, 1],
  [6, 5],
  [0, 2],
  [3, 1],
  [6, 2],
  [3, 5]
]
/** the logins of the bureau's heads (负责人) who sit in collective discussions, the first chairing (DEMO_ACCOUNTS) */
export const HEADS = ['wangjg', 'chenzq', 'zhouwb'] as const
export const CHEMICAL = new Set(['chem', 'hazdealer', 'fireworks'])
export const EXTENSION_APPROVER = '局长 黄志远'

/**
 * The demo's sign-in accounts: one per officer (by certificate number, foundation.json) with a role that fits the
 * post, plus an admin with no officer record. 刘芳 (法规科) is the legal reviewer and handles no demo case; 王建国
 * (支队长), 陈志强 (副支队长) and 周文斌 (科长) are the three heads (负责人) a collective discussion needs.
 */
export const DEMO_ACCOUNTS: readonly { login: string; certNo: string | null; name: string; roles: readonly Role[] }[] = [
  { login: 'admin', certNo: null, name: '系统管理员', roles: ['admin'] },
  { login: 'wangjg', certNo: '36040019001', name: '王建国', roles: ['handler', 'head'] },
  { login: 'lixh', certNo: '36040019002', name: '李晓红', roles: ['handler'] },
  { login: 'chenzq', certNo: '36040019003', name: '陈志强', roles: ['handler', 'head'] },
  { login: 'zhaomin', certNo: '36040019004', name: '赵敏', roles: ['archivist'] },
  { login: 'liufang', certNo: '36040019005', name: '刘芳', roles: ['reviewer'] },
  { login: 'sunlei', certNo: '36040019006', name: '孙磊', roles: ['handler', 'clerk'] },
  { login: 'zhouwb', certNo: '36040019007', name: '周文斌', roles: ['head'] }
]
/** The one password of every demo account (a demo home is for trying out, never for real cases). */
export const DEMO_PASSWORD = 'demo2026'
