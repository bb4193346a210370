/**
 * Pre-enforcement publicity (事前公示): the agency qualification list (执法主体资格清单) and the
 * officer qualification list (执法人员资格清单). Pure: data in, table rows out.
 */
import type { Agency } from './agency'
import { certificateState, type Officer } from './officer'
import { chineseDate } from './dates'

import type { Table } from './tables'
export type { Table } from './tables'

export function agencyTable(agency: Agency): Table {
  return {
    title: '执法主体资格清单',
    headers: ['执法主体名称', '统一社会信用代码', '执法区域', '地址', '邮政编码', '联系电话', '行政复议机关', '行政诉讼管辖法院'],
    rows: [
      [
        agency.name,
        agency.creditCode,
        agency.jurisdiction,
        agency.address,
        agency.postcode,
        agency.phone,
        agency.reconsiderationBody,
        agency.court
      ]
    ]
  }
}

/**
 * Only officers who may enforce on `asOf` are published: active, with a certificate valid that day.
 * Returns the omitted ones too, so the clerk sees who is left out and why.
 */
export function officerTable(
  agency: Agency,
  officers: Officer[],
  asOf: string
): { table: Table; omitted: { officer: Officer; reason: string }[] } {
  const omitted: { officer: Officer; reason: string }[] = []
  const listed: Officer[] = []
  for (const o of officers) {
    if (!o.active) omitted.push({ officer: o, reason: '已停用' })
    else if (certificateState(o.validUntil, asOf).state === 'expired') omitted.push({ officer: o, reason: '执法证已过期' })
    else listed.push(o)
  }
  listed.sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'))
  return {
    table: {
      title: '执法人员资格清单',
      headers: ['序号', '姓名', '所在单位', '职务', '执法证号', '证件类型', '执法区域', '有效期至', '法制审核人员'],
      rows: listed.map((o, i) => [
        String(i + 1),
        o.name,
        o.unit || agency.name,
        o.post,
        o.certNo,
        o.certType,
        o.certArea || agency.jurisdiction,
        chineseDate(o.validUntil),
        o.legalReviewer ? '是' : '否'
      ])
    },
    omitted
  }
}
