/**
 * The Electron shell: window, security baseline, contract binding, native dialogs, event forwarding.
 * No business logic and no database here: the services and the SQLite home run in the backend process
 * (a utilityProcess, src-main/backend/main.ts); this process checks the sender, forwards each call to it and
 * relays its events to the windows.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, utilityProcess } from 'electron'
import { basename, join } from 'node:path'
import { userInfo } from 'node:os'
import { IPC_EVENT_CHANNEL } from '../contract'
import { BackendClient } from '../backend/client'
import type { BackendProcess } from '../backend/protocol'
import { bindContract, trustedSenderCheck } from './ipc'
import { readConnection, sameServer, saveConnection } from './connection'
import { APP_VERSION } from '../version'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const rendererFile = join(__dirname, '../renderer/index.html')
const backendEntry = join(__dirname, 'backend.js')
const devUrl = process.env['ELECTRON_RENDERER_URL']

/** The backend as a utilityProcess; messages wait for its spawn. */
function forkBackend(): BackendProcess {
  const child = utilityProcess.fork(backendEntry, [], { serviceName: 'CaseBinder backend', stdio: 'inherit' })
  let queue: unknown[] | null = []
  child.once('spawn', () => {
    for (const m of queue ?? []) child.postMessage(m)
    queue = null
  })
  return {
    send: (m) => (queue ? queue.push(m) : child.postMessage(m)),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill()
  }
}

function broadcast(event: unknown): void {
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT_CHANNEL, event)
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'CaseBinder 案卷通',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // no navigation away from the app, no new windows; external links open in the system browser
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(rendererFile)
  return win
}

/**
 * A bureau server's own page (设置 › 连接 chose it): no preload, so the remote page gets no bridge; navigation stays
 * on that server; the menu offers the way back to this computer's data.
 */
function createServerWindow(url: string, connectionFile: string): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: `CaseBinder 案卷通 — ${new URL(url).host}`,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false }
  })
  win.webContents.on('will-navigate', (e, target) => {
    if (!sameServer(url, target)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (target.startsWith('https://')) void shell.openExternal(target)
    return { action: 'deny' }
  })
  const useLocal = () => {
    saveConnection(connectionFile, { kind: 'local' })
    app.relaunch()
    app.exit(0)
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '连接',
        submenu: [{ label: '改用本机数据（重新启动）', click: useLocal }, { type: 'separator' }, { role: 'quit', label: '退出' }]
      },
      { label: '视图', submenu: [{ role: 'reload', label: '重新载入' }] }
    ])
  )
  void win.loadURL(url)
}

void app.whenReady().then(() => {
  const connectionFile = join(app.getPath('userData'), 'connection.json')
  const connection = readConnection(connectionFile)
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  if (connection.kind === 'server') {
    // the server serves its own page and enforces its own CSP; no backend, no home on this computer
    createServerWindow(connection.url, connectionFile)
    return
  }
  const homeDir = process.env['CASEBINDER_HOME'] ?? join(app.getPath('userData'), 'data')
  const backend = new BackendClient({
    spawn: forkBackend,
    init: { home: homeDir, actor: userInfo().username, version: APP_VERSION },
    onEvent: broadcast,
    onCrash: (code) => console.error(`[casebinder] the backend process exited unexpectedly (code ${code}); restarting it`),
    onFailure: (message) => dialog.showErrorBox('CaseBinder 案卷通', `后台服务无法运行：${message}`)
  })
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  const isTrusted = trustedSenderCheck(rendererFile, devUrl)
  ipcMain.handle('casebinder-shell:connection-get', (event) =>
    isTrusted(event.senderFrame?.url ?? '') ? readConnection(connectionFile) : null
  )
  // saving a change restarts the app on the new connection, after the answer has reached the page
  ipcMain.handle('casebinder-shell:connection-set', (event, input: unknown) => {
    if (!isTrusted(event.senderFrame?.url ?? '')) return { ok: false, message: '不受信任的页面' }
    const saved = saveConnection(connectionFile, input)
    if (!saved.ok) return saved
    if (saved.connection.kind === 'server') setTimeout(() => (app.relaunch(), app.quit()), 300)
    return { ok: true }
  })
  bindContract(ipcMain, (channel, input) => backend.call(channel, input), { isTrustedSender: isTrusted })
  ipcMain.handle('casebinder-shell:save-file', async (event, suggestedName: unknown, content: unknown, base64: unknown) => {
    if (!isTrusted(event.senderFrame?.url ?? '') || typeof suggestedName !== 'string' || typeof content !== 'string') return null
    const win = BrowserWindow.fromWebContents(event.sender)
    const options = { defaultPath: join(app.getPath('documents'), suggestedName.replace(/[\\/:*?"<>|]/g, '_')) }
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (r.canceled || !r.filePath) return null
    const written = await backend.writeFile(r.filePath, base64 === true ? Buffer.from(content, 'base64') : content)
    if (!written.ok) throw new Error(written.error.message)
    return r.filePath
  })
  // "open in Word/WPS": a temp copy (read-only use; the record stays in the blob store), opened by the system
  ipcMain.handle('casebinder-shell:open-file', async (event, fileName: unknown, base64: unknown) => {
    if (!isTrusted(event.senderFrame?.url ?? '') || typeof fileName !== 'string' || typeof base64 !== 'string') return null
    const safe = basename(fileName).replace(/[\\/:*?"<>|]/g, '_')
    if (!/\.docx$/i.test(safe)) return null
    const target = join(app.getPath('temp'), 'casebinder-open', `${Date.now()}-${safe}`)
    const written = await backend.writeFile(target, Buffer.from(base64, 'base64'))
    if (!written.ok) throw new Error(written.error.message)
    const problem = await shell.openPath(target)
    return problem ? null : target
  })
  Menu.setApplicationMenu(null)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  // quitting waits for the backend to close the database (it is killed if it takes longer than a few seconds)
  app.on('before-quit', (e) => {
    if (backend.state === 'stopped') return
    e.preventDefault()
    void backend.shutdown().then(() => app.quit())
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
})
