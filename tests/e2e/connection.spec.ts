/**
 * 设置 › 连接, the desktop app's choice between this computer's data and the bureau server. Electron cannot start
 * here, so the page runs in Chromium with a stand-in for the preload bridge: its calls go to the harness over HTTP
 * (as the real bridge's go to the backend) and its connection.set runs the shell's real saveConnection
 * (src-main/electron/connection.ts) on a temp file. In a plain browser the page is not offered at all.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConnection, saveConnection } from '../../src-main/electron/connection'
import { expect, test } from './support'

test('connection: only the desktop app offers it; a plain-HTTP LAN address is refused, an HTTPS server is saved', async ({ page, app }) => {
  // a home with data: no welcome dialog over the page
  await app.call('demo.load', { cases: 5 })
  await page.goto(`${app.harness.origin}/#/settings/agency`)
  await expect(page.getByTestId('nav-agency')).toBeVisible()
  await expect(page.getByTestId('nav-connection')).toHaveCount(0)

  const dir = mkdtempSync(join(tmpdir(), 'casebinder-conn-e2e-'))
  const file = join(dir, 'connection.json')
  try {
    await page.exposeFunction('shellSaveConnection', (c: unknown) => {
      const r = saveConnection(file, c)
      return r.ok ? { ok: true } : r
    })
    await page.exposeFunction('shellReadConnection', () => readConnection(file))
    await page.addInitScript(() => {
      const w = globalThis as unknown as Record<string, unknown>
      w.casebinder = {
        platform: 'electron',
        invoke: async (channel: string, input: unknown) => {
          const r = await fetch('/api/' + channel, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify(input ?? {})
          })
          return r.json()
        },
        onEvent: () => () => undefined,
        saveFile: async () => null,
        openFile: async () => null,
        connection: {
          get: () => (w.shellReadConnection as () => Promise<unknown>)(),
          set: (c: unknown) => (w.shellSaveConnection as (c: unknown) => Promise<unknown>)(c)
        }
      }
    })
    await page.reload()
    await page.getByTestId('nav-connection').click()
    const view = page.getByTestId('connection-settings')
    await expect(view.getByRole('heading', { name: '连接' })).toBeVisible()
    await expect(view.getByTestId('connection-local').locator('input')).toBeChecked()

    await view.getByTestId('connection-server').click()
    await view.getByTestId('connection-url').fill('http://192.168.1.10:8080')
    await view.getByTestId('connection-save').click()
    await expect(view.locator('.el-form-item__error')).toHaveText('服务器地址须以 https:// 开头（仅本机测试可用 http://127.0.0.1）')
    expect(readConnection(file)).toEqual({ kind: 'local' })

    await view.getByTestId('connection-url').fill('https://casebinder.bureau.lan:8443/cases')
    await view.getByTestId('connection-save').click()
    await expect(view.getByTestId('connection-saved')).toContainText('已保存，案卷通正在按新的连接重新启动')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kind: 'server', url: 'https://casebinder.bureau.lan:8443/' })
    await app.screenshot('settings-connection')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
