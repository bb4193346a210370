// One client of the server benchmark (bench/server.ts), a process of its own: signs in over HTTP, then runs a fixed
// mix of calls (search, list, file a case, draft and issue a document, open a case) and prints one JSON line with
// every call's channel, duration and outcome. Plain Node (fetch), so twenty of them start fast.
//   node bench/server-client.mjs <baseUrl> <login> <password> <ops> <client> <json: { partyId, caseIds, searches }>
import { readFileSync } from 'node:fs'

const QUESTIONING = JSON.parse(readFileSync(new URL('../tests/fixtures/questioning-notice.json', import.meta.url), 'utf8'))
const [base, login, password, opsText, clientText, setupText] = process.argv.slice(2)
const ops = Number(opsText)
const client = Number(clientText)
const setup = JSON.parse(setupText)
let cookie = ''
const samples = []

async function call(channel, input) {
  const t0 = performance.now()
  let body
  try {
    const r = await fetch(`${base}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input)
    })
    const set = r.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]
    body = await r.json()
  } catch (err) {
    body = { ok: false, error: { code: 'NETWORK', message: String(err) } }
  }
  samples.push({ channel, ms: performance.now() - t0, ok: body.ok === true, code: body.ok ? null : `${channel}:${body.error?.code}` })
  if (!body.ok && process.env.BENCH_DEBUG) process.stderr.write(`${channel}: ${JSON.stringify(body.error)}\n`)
  return body
}

const signedIn = await call('auth.signIn', { login, password })
if (!signedIn.ok) {
  process.stdout.write(JSON.stringify({ client, error: signedIn.error }) + '\n')
  process.exit(1)
}
samples.length = 0
const issued = []
for (let i = 0; i < ops; i++) {
  const caseId = setup.caseIds[(client * 7 + i) % setup.caseIds.length]
  switch (i % 5) {
    case 0:
      await call('cases.search', { q: setup.searches[(client + i) % setup.searches.length], limit: 50 })
      break
    case 1:
      await call('cases.list', { limit: 50, offset: ((client + i) % 4) * 10 })
      break
    case 2: {
      const d = await call('documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING })
      if (d.ok) {
        const done = await call('documents.issue', { id: d.value.id })
        if (done.ok) issued.push(done.value.number)
      }
      break
    }
    case 3:
      await call('cases.registerAndFile', {
        register: {
          source: 'inspection',
          sourceDate: '2026-11-20',
          procedure: 'general',
          cause: '未按规定对从业人员进行安全生产教育和培训',
          facts: `压力测试第${client}号客户端第${i}次立案：作业人员未经培训上岗。`,
          parties: [{ partyId: setup.partyId }],
          officerIds: [1, 2]
        },
        filedOn: '2026-11-21'
      })
      break
    default:
      await call('cases.get', { ref: String(caseId) })
  }
}
process.stdout.write(JSON.stringify({ client, samples, issued }) + '\n')
