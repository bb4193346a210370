/**
 * Print HTML pages to PDF with headless Chromium (playwright-core driving an installed Chromium, Chrome or
 * Edge). Used for the dossier's cover, contents list and note.
 */
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS } from './rendition-tools'

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}

/** Each HTML document becomes one PDF (A4, the document's own @page margins). */
export async function htmlToPdf(browser: Browser, htmls: string[]): Promise<Uint8Array[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  try {
    const page = await context.newPage()
    const out: Uint8Array[] = []
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' })
      out.push(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
    }
    return out
  } finally {
    await context.close()
  }
}
