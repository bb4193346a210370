import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic'
import type { Scope } from './engine/engine'
import * as q from './engine/sql'

/**
 * Content-addressed, immutable file store: blobs/ab/cdef… named by SHA-256.
 * Putting the same bytes twice stores them once.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`not a sha256: ${sha256}`)
    return join(this.root, sha256.slice(0, 2), sha256.slice(2))
  }

  put(data: Uint8Array): { sha256: string; size: number; existed: boolean } {
    const sha256 = createHash('sha256').update(data).digest('hex')
    const path = this.pathOf(sha256)
    if (existsSync(path) && statSync(path).size === data.length) return { sha256, size: data.length, existed: true }
    writeFileAtomic(path, data)
    return { sha256, size: data.length, existed: false }
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256))
  }

  /** Read and verify: a blob whose bytes no longer hash to its name is reported, never returned. */
  get(sha256: string): Buffer {
    const data = readFileSync(this.pathOf(sha256))
    const actual = createHash('sha256').update(data).digest('hex')
    if (actual !== sha256) throw new Error(`blob ${sha256} is corrupt (content hashes to ${actual})`)
    return data
  }
}

/**
 * Store bytes in the blob store (atomic write, named by SHA-256) and register them in the `blobs` table,
 * inside the caller's transaction. The same bytes twice: one file, one row (the first mime and time stay).
 */
export async function recordBlob(
  db: Scope,
  blobs: BlobStore,
  data: Uint8Array,
  mime: string,
  at: string
): Promise<{ sha256: string; size: number; existed: boolean }> {
  const blob = blobs.put(data)
  await q.run(db, 'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
    blob.sha256,
    blob.size,
    mime,
    at
  ])
  return blob
}
