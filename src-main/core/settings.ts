/**
 * The shapes of the stored settings that core declares, by key. The store reads these keys through their
 * schema; a key not listed here is only checked to be JSON (its vocabulary still lives outside core).
 */
import { z } from 'zod'
import { AuditHeadSchema } from './activity'
import { ORDER_SCHEMES } from './dossier'
import { PublicityPolicySchema } from './publicity'
import { IdleMinutesSchema } from './users'

export const SETTING_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'home.createdAt': z.string(),
  'auth.idleMinutes': IdleMinutesSchema,
  'audit.head': AuditHeadSchema,
  'certificates.expiryWarningDays': z.number().int().min(0),
  'publicity.policy': PublicityPolicySchema,
  'dossier.orderScheme': z.enum(ORDER_SCHEMES),
  'archive.retentionGeneral': z.string(),
  'archive.retentionSummary': z.string()
}
