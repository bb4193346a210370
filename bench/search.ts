/**
 * Case search at scale: the FTS5 trigram index (what the product uses) against a plain LIKE '%…%' scan of the
 * same columns, in the same run, on the same data. Also the case list's first page with filters.
 *   tsx bench/search.ts [--cases 100000] [--list-cases 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openHome, type Home } from '../src-main/store/home'
import { withTransaction } from '../src-main/store/engine/transaction'
import { createContext } from '../src-main/services/context'
import { call } from '../src-main/services'
import { insertCase, setCaseOfficers, setCaseParties } from '../src-main/store/repos/cases'
import { indexCase, searchCaseIds } from '../src-main/store/repos/case-search'
import { insertParty } from '../src-main/store/repos/parties'
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../src-main/core/credit-code'
import { CASE_STATUSES } from '../src-main/core/case'
import { addDays } from '../src-main/core/dates'
import { emit, mulberry32, stats, time, timeAsync } from './lib'

const PLACES = ['滨江区', '浔阳区', '柴桑区', '庐山区', '湖口县', '彭泽县', '都昌县', '修水县']
const TRADES = ['化工', '新材料', '金属制品', '建筑工程', '物流仓储', '机械制造', '烟花爆竹', '石材', '食品加工', '家具']
const SUFFIX = ['有限公司', '有限责任公司', '股份有限公司', '厂', '经营部']
const WORDS = [
  '鑫达',
  '恒远',
  '华联',
  '宏泰',
  '瑞丰',
  '金源',
  '永盛',
  '嘉禾',
  '天成',
  '博远',
  '中和',
  '兴隆',
  '安泰',
  '聚能',
  '东升',
  '明辉'
]
const CAUSES = [
  '未按规定对从业人员进行安全生产教育和培训',
  '未如实记录安全生产教育和培训情况',
  '未建立事故隐患排查治理制度',
  '未采取措施消除事故隐患',
  '特种作业人员未取得相应资格上岗作业',
  '未在有较大危险因素的场所设置明显的安全警示标志',
  '未为从业人员提供符合国家标准的劳动防护用品',
  '未按照规定制定生产安全事故应急救援预案',
  '未对重大危险源登记建档',
  '生产经营场所未设有符合紧急疏散要求的出口'
]
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏飞宇浩然博凯欣怡晨阳俊峰'
const ACTS = ['焊接作业', '高处作业', '有限空间作业', '动火作业', '粉尘清扫', '叉车作业', '危险化学品装卸', '吊装作业']

function creditCode(rand: () => number): string {
  let body = '913604' + String(Math.floor(rand() * 90) + 10)
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[Math.floor(rand() * 31)]
  return body + creditCodeCheckChar(body)
}

async function seed(dir: string, n: number) {
  const home = await openHome(dir, { actor: 'bench' })
  const ctx = createContext(home, { actor: 'bench' })
  await call(ctx, 'demo.load', { cases: 0 })
  const rand = mulberry32(20261125)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const t = await timeAsync(() =>
    withTransaction(home.store, async (db) => {
      const parties: { id: number; name: string }[] = []
      for (let i = 0; i < Math.max(50, n / 20); i++) {
        const name = `江州市${pick(WORDS)}${pick(WORDS)}${pick(TRADES)}${pick(SUFFIX)}`
        const cc = creditCode(rand)
        try {
          const id = await insertParty(
            db,
            {
              kind: 'org',
              name,
              creditCode: cc,
              address: `江州市${pick(PLACES)}工业路${i}号`,
              postcode: '',
              legalRep: '张某',
              legalRepPost: '',
              phone: '',
              licences: ''
            },
            `cc:${cc}`,
            '2026-01-01T00:00:00Z'
          )
          parties.push({ id, name })
        } catch {
          /* duplicate code from the PRNG: skip */
        }
      }
      for (let i = 0; i < n; i++) {
        const p = pick(parties)
        const cause = pick(CAUSES)
        const d = addDays('2021-01-01', Math.floor(rand() * 2100))
        const act = pick(ACTS)
        const boss = pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN])
        const facts = `经查，${p.name}于${d}在${pick(PLACES)}生产车间组织${act}时，${cause}，作业人员${Math.floor(rand() * 9) + 1}名，现场负责人${boss}未及时制止。`
        const id = await insertCase(db, {
          number: null,
          name: `${p.name}${cause}案`,
          cause,
          facts,
          source: 'inspection',
          sourceDate: d,
          procedure: rand() < 0.25 ? 'summary' : 'general',
          status: pick(CASE_STATUSES),
          filedOn: null,
          intendedPenalty: { warning: false, fine: 0 },
          extended: false,
          suspended: false,
          registeredBy: 'bench',
          createdAt: d + 'T00:00:00Z',
          updatedAt: d + 'T00:00:00Z'
        })
        await setCaseParties(db, id, [{ partyId: p.id, role: 'party' }])
        await setCaseOfficers(db, id, [1, 2])
        await indexCase(db, id)
      }
    })
  )
  return { home, ctx, seedMs: t.ms }
}

function likeCount(db: Home['db'], q: string): number {
  const like = '%' + q + '%'
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM cases c WHERE c.name LIKE @like OR c.cause LIKE @like OR c.facts LIKE @like
           OR EXISTS (SELECT 1 FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id AND p.name LIKE @like)`
      )
      .get({ like }) as { n: number }
  ).n
}

function likeScan(db: Home['db'], q: string, limit: number) {
  const like = '%' + q + '%'
  return db
    .prepare(
      `SELECT c.id FROM cases c WHERE c.name LIKE @like OR c.cause LIKE @like OR c.facts LIKE @like
         OR EXISTS (SELECT 1 FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id AND p.name LIKE @like)
       ORDER BY c.id DESC LIMIT @limit`
    )
    .all({ like, limit }) as { id: number }[]
}

export async function runSearchBench(opts: { cases: number; listCases: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-'))
  try {
    const { home, ctx, seedMs } = await seed(dir, opts.cases)
    emit({ bench: 'search.seed', cases: opts.cases, ms: Math.round(seedMs), casesPerSecond: Math.round(opts.cases / (seedMs / 1000)) })
    // common terms (thousands of hits), rare ones (a person's name: a handful) and misses
    const queries = [
      '有限空间作业',
      '危险化学品装卸',
      '应急救援预案',
      '彭泽县生产车间',
      '焊接',
      '王伟芳',
      '陈建国',
      '龚俊峰',
      '鑫达恒远',
      '不存在的词语组合'
    ]
    const fts: number[] = []
    const like: number[] = []
    const ftsCount: number[] = []
    const likeCountMs: number[] = []
    const perQuery: Record<string, unknown>[] = []
    for (const q of queries) {
      const a: number[] = []
      const b: number[] = []
      let hits = 0
      let likeHits = 0
      const ac: number[] = []
      const bc: number[] = []
      let total = 0
      for (let r = 0; r < 7; r++) {
        const x = await timeAsync(() => searchCaseIds(home.store, q, 50))
        const y = time(() => likeScan(home.db, q, 50))
        // what the list screen needs: the page and the total count of matches
        const xc = await timeAsync(() => call(ctx, 'cases.list', { q, limit: 50 }))
        const yc = time(() => likeCount(home.db, q))
        if (r > 0) {
          // the first round warms the page cache
          a.push(x.ms)
          b.push(y.ms)
          ac.push(xc.ms)
          bc.push(yc.ms)
        }
        hits = x.value.length
        likeHits = y.value.length
        total = xc.value.total
        if (total !== yc.value) throw new Error(`search disagrees with LIKE for ${q}: ${total} vs ${yc.value}`)
      }
      fts.push(...a)
      like.push(...b)
      ftsCount.push(...ac)
      likeCountMs.push(...bc)
      perQuery.push({
        q,
        chars: [...q].length,
        hits,
        likeHits,
        total,
        ftsFirst50MedianMs: stats(a).median,
        likeFirst50MedianMs: stats(b).median,
        listWithTotalMedianMs: stats(ac).median,
        likeCountMedianMs: stats(bc).median
      })
    }
    const f = stats(fts)
    const l = stats(like)
    emit({
      bench: 'search.first50',
      cases: opts.cases,
      queries: queries.length,
      fts5Trigram: f,
      likeScan: l,
      speedupMedian: Math.round((l.median / f.median) * 10) / 10,
      speedupP95: Math.round((l.p95 / f.p95) * 10) / 10
    })
    const fc = stats(ftsCount)
    const lc = stats(likeCountMs)
    emit({
      bench: 'search.listWithTotal',
      cases: opts.cases,
      queries: queries.length,
      service: fc,
      likeCountOnly: lc,
      speedupMedian: Math.round((lc.median / fc.median) * 10) / 10,
      speedupP95: Math.round((lc.p95 / fc.p95) * 10) / 10
    })
    for (const p of perQuery) emit({ bench: 'search.query', ...p })
    // the list screen: first page, then filtered pages, through the service (parties, officers, next deadline)
    const pages: number[] = []
    const filtered: number[] = []
    for (let r = 0; r < 20; r++) {
      pages.push((await timeAsync(() => call(ctx, 'cases.list', { limit: 50, offset: r * 50 }))).ms)
      filtered.push(
        (
          await timeAsync(() =>
            call(ctx, 'cases.list', { status: ['filed', 'investigating'], procedure: 'general', from: '2024-01-01', limit: 50 })
          )
        ).ms
      )
    }
    emit({ bench: 'cases.list.page', cases: opts.cases, page: stats(pages), filtered: stats(filtered) })
    home.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('search.ts')) {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '100000' }, 'list-cases': { type: 'string', default: '10000' } }
  })
  await runSearchBench({ cases: Number(values.cases), listCases: Number(values['list-cases']) })
}
