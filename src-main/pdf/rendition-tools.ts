/**
 * Finding the programs renditions run on: an installed Chromium / Chrome / Edge (chromium route, also used by
 * html-pdf.ts) and LibreOffice's soffice (libreoffice route), on Linux, Windows and macOS.
 */
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

function firstExisting(paths: (string | undefined | null)[]): string | null {
  for (const p of paths) if (p && existsSync(p)) return p
  return null
}

function onPath(names: string[]): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  return dirs.flatMap((d) => names.map((n) => join(d, n)))
}

/** An installed Chromium, Chrome or Edge: CHROMIUM_PATH, then the usual Linux, Windows and macOS places. */
export function findChromium(): string | null {
  const env = process.env
  const pf = env['ProgramFiles'] ?? 'C:\\Program Files'
  const pf86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'
  const local = env['LOCALAPPDATA']
  const candidates =
    process.platform === 'win32'
      ? [
          join(pf86, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(pf, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(pf, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(pf86, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          local ? join(local, 'Google', 'Chrome', 'Application', 'chrome.exe') : null,
          local ? join(local, 'Chromium', 'Application', 'chrome.exe') : null
        ]
      : process.platform === 'darwin'
        ? [
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
            '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
          ]
        : [
            '/usr/bin/chromium',
            '/usr/bin/chromium-browser',
            '/usr/bin/google-chrome',
            '/usr/bin/google-chrome-stable',
            '/snap/bin/chromium',
            ...onPath(['chromium', 'chromium-browser', 'google-chrome'])
          ]
  return firstExisting([env.CHROMIUM_PATH, ...candidates])
}

/** LibreOffice's soffice: SOFFICE_PATH, PATH, then the usual install places. */
export function findSoffice(): string | null {
  const env = process.env
  const pf = env['ProgramFiles'] ?? 'C:\\Program Files'
  const pf86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'
  const candidates =
    process.platform === 'win32'
      ? [join(pf, 'LibreOffice', 'program', 'soffice.exe'), join(pf86, 'LibreOffice', 'program', 'soffice.exe'), ...onPath(['soffice.exe'])]
      : process.platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice', ...onPath(['soffice'])]
        : [
            ...onPath(['soffice', 'libreoffice']),
            '/usr/bin/soffice',
            '/usr/lib/libreoffice/program/soffice',
            '/opt/libreoffice/program/soffice',
            '/snap/bin/libreoffice'
          ]
  return firstExisting([env.SOFFICE_PATH, ...candidates])
}

export function libreOfficeAvailable(): boolean {
  return findSoffice() !== null
}
