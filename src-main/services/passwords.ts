/**
 * Password hashing with scrypt (memory-hard, in Node's crypto). The stored form names its parameters, so they
 * can be raised later without locking anyone out: `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>`.
 * Parameters: N = 2^17, r = 8, p = 1 (128 MiB, OWASP's recommendation for scrypt).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 32
const DEFAULT = { logN: 17, r: 8, p: 1 }

/**
 * The cost for new hashes. CASEBINDER_KDF_LOG2N lowers N for the test suite only (never below 2^12);
 * verification always uses the parameters stored with the hash.
 */
function defaults(): typeof DEFAULT {
  const env = Number(process.env.CASEBINDER_KDF_LOG2N)
  return Number.isInteger(env) && env >= 12 && env <= DEFAULT.logN ? { ...DEFAULT, logN: env } : DEFAULT
}

// Synchronous like the rest of the store's services today (the backend runs off the window's thread);
// it becomes async with the store (the PostgreSQL issue).
function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Buffer {
  const N = 2 ** logN
  return scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r })
}

export function hashPassword(password: string, params = defaults()): string {
  const salt = randomBytes(16)
  const key = derive(password, salt, params.logN, params.r, params.p)
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return false
  const key = Buffer.from(parts[5]!, 'base64')
  const got = derive(password, Buffer.from(parts[4]!, 'base64'), logN, r, p)
  return got.length === key.length && timingSafeEqual(got, key)
}

/** What a new password must satisfy; the message is shown as is. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位'
  if (password.length > 128) return '密码最长 128 位'
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字'
  return null
}
