// Running from source (tests, `npm run serve`): register tsx's loader in this worker thread, then start the
// TypeScript worker entry. The built app runs out/main/worker.js directly.
import { register } from 'tsx/esm/api'

register()
await import('./job-worker.ts')
