/**
 * The 重大执法决定法制审核目录 (catalogue of major decisions needing legal review): versioned, edited, rendered and
 * exported as the list the agency publishes. Its review period is the deadline rule `legal_review`.
 */
import { appError } from '../core/errors'
import { chineseDate } from '../core/dates'
import { catalogueRows, MajorCatalogueSchema, type MajorCatalogue } from '../core/major-decision'
import { csv, htmlPage, htmlTable, type Table } from '../core/tables'
import type { Scope } from '../store/engine/engine'
import { getAgency } from '../store/repos/agency'
import { catalogueVersions, insertCatalogue, latestCatalogue } from '../store/repos/review'
import { change, transact, type ServiceContext } from './context'
import { activeRules } from './ops/deadlines'
import { writeExportFiles } from './guards'
import { saveDeadlineRules } from './ops/deadlines'

/** The catalogue in force with its version history. */
async function catalogueView(db: Scope) {
  const v = await latestCatalogue(db)
  return {
    version: v.version,
    catalogue: v.catalogue,
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    history: await catalogueVersions(db)
  }
}

export function reviewsGetCatalogue(ctx: ServiceContext) {
  return catalogueView(ctx.home.store)
}

export async function reviewsSetCatalogue(ctx: ServiceContext, input: MajorCatalogue) {
  const cat = MajorCatalogueSchema.parse(input)
  const version = await transact(ctx, async (tx) => {
    // the review period lives in the deadline rules (one source for the workbench); the catalogue edits it
    const rules = await activeRules(tx.db)
    const rule = rules.rules.find((r) => r.code === 'legal_review')
    if (rule && rule.length !== cat.reviewDays) {
      await saveDeadlineRules(tx, {
        name: rules.name,
        rules: rules.rules.map((r) => (r.code === 'legal_review' ? { ...r, length: cat.reviewDays } : r)),
        recomputeOpen: true
      })
    }
    const v = await insertCatalogue(tx.db, cat, ctx.actor, tx.at)
    await tx.record('review', {
      action: 'review.catalogue.set',
      targetType: 'major_catalogue',
      targetId: v,
      summary: `修订重大执法决定法制审核目录（第${v}版：${cat.name}）`,
      detail: cat
    })
    return v
  })
  return { ...(await catalogueView(ctx.home.store)), version }
}

function catalogueTable(cat: MajorCatalogue): Table {
  return {
    title: cat.name,
    headers: ['序号', '审核事项', '标准', '依据'],
    rows: catalogueRows(cat).map((r) => [String(r.no), r.item, r.standard, r.basis])
  }
}

/** The published list as CSV and HTML files. */
async function catalogueFiles(db: Scope) {
  const agency = await getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，请先在“设置 › 执法主体”中填写')
  const { catalogue: cat, version } = await latestCatalogue(db)
  const t = catalogueTable(cat)
  const meta = `第${version}版，自${chineseDate(cat.effectiveFrom)}起施行；法制审核期限：收到完整材料之日起${cat.reviewDays}个工作日`
  return {
    files: [
      { name: '重大执法决定法制审核目录清单.csv', mime: 'text/csv;charset=utf-8', content: csv(t) },
      {
        name: '重大执法决定法制审核目录清单.html',
        mime: 'text/html;charset=utf-8',
        content: htmlPage(`${agency.name}<br>重大执法决定法制审核目录清单`, meta, htmlTable(t))
      }
    ]
  }
}

export function reviewsRenderCatalogue(ctx: ServiceContext) {
  return catalogueFiles(ctx.home.store)
}

export async function reviewsExportCatalogue(ctx: ServiceContext, input: { outDir: string }) {
  const { files } = await catalogueFiles(ctx.home.store)
  return change(
    ctx,
    'review',
    () => ({ files: writeExportFiles(input.outDir, files) }),
    (r) => ({
      action: 'review.catalogue.export',
      targetType: 'major_catalogue',
      targetId: null,
      summary: `导出重大执法决定法制审核目录清单（${r.files.length} 个文件）`,
      detail: { outDir: input.outDir }
    })
  )
}
