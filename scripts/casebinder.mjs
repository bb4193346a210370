#!/usr/bin/env node
/** The `casebinder` bin: runs the built CLI (out/main/cli.js); build once with `npm run build`. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const built = join(dirname(fileURLToPath(import.meta.url)), '../out/main/cli.js')
if (!existsSync(built)) {
  console.error('casebinder: the CLI is not built yet. Run `npm run build` once, or use `npm run cli -- <command>`.')
  process.exit(1)
}
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})
const { main } = await import(pathToFileURL(built).href)
process.exitCode = await main(process.argv)
