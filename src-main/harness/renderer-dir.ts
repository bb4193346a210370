/** Where the built renderer is: from source (tsx) and from the build (out/main), both find out/renderer. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  // src-main/harness (tsx) or out/main (built): both find out/renderer at the project root
  for (const candidate of [join(here, '../../out/renderer'), join(here, '../renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate
  }
  return join(here, '../../out/renderer')
}
