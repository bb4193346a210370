import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkServerUrl, readConnection, sameServer, saveConnection } from '../../src-main/electron/connection'

describe('the desktop connection (设置 › 连接)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-conn-'))
  const file = join(dir, 'connection.json')
  afterEach(() => rmSync(file, { force: true }))

  it('takes an HTTPS server (its origin), plain HTTP only on this computer, never credentials', () => {
    expect(checkServerUrl(' https://casebinder.bureau.lan:8443/cases?x=1 ')).toEqual({
      ok: true,
      url: 'https://casebinder.bureau.lan:8443/'
    })
    expect(checkServerUrl('http://127.0.0.1:8080')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/' })
    expect(checkServerUrl('http://192.168.1.10:8080')).toMatchObject({ ok: false, message: expect.stringContaining('https://') })
    expect(checkServerUrl('https://admin:pw@casebinder.bureau.lan')).toMatchObject({
      ok: false,
      message: expect.stringContaining('用户名或密码')
    })
    expect(checkServerUrl('casebinder.bureau.lan')).toMatchObject({ ok: false, message: expect.stringContaining('完整的服务器地址') })
  })

  it('saves whole or not at all, and reads back; a missing or damaged file is the embedded home', () => {
    expect(readConnection(file)).toEqual({ kind: 'local' })
    expect(saveConnection(file, { kind: 'server', url: 'http://10.0.0.5' })).toMatchObject({ ok: false })
    expect(readConnection(file)).toEqual({ kind: 'local' })
    expect(saveConnection(file, { kind: 'server', url: 'https://casebinder.bureau.lan:8443/x' })).toEqual({
      ok: true,
      connection: { kind: 'server', url: 'https://casebinder.bureau.lan:8443/' }
    })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kind: 'server', url: 'https://casebinder.bureau.lan:8443/' })
    expect(readConnection(file)).toEqual({ kind: 'server', url: 'https://casebinder.bureau.lan:8443/' })
    writeFileSync(file, '{not json')
    expect(readConnection(file)).toEqual({ kind: 'local' })
    expect(saveConnection(file, { kind: 'local' })).toEqual({ ok: true, connection: { kind: 'local' } })
  })

  it("keeps the server window on the server's own pages", () => {
    expect(sameServer('https://casebinder.bureau.lan:8443/', 'https://casebinder.bureau.lan:8443/#/cases')).toBe(true)
    expect(sameServer('https://casebinder.bureau.lan:8443/', 'https://evil.example/')).toBe(false)
    expect(sameServer('https://casebinder.bureau.lan:8443/', 'not a url')).toBe(false)
  })
})
