/**
 * 文书送达回执: the documents a receipt covers are picked from the case's issued documents that go out to the party
 * (the manifest's `external` types), not typed: the document view offers them as the `documents` field's choices,
 * and documents.create / documents.save take the chosen ids (`serves`) and fill the rows (title and number) from
 * them. The dossier then finds each external document's receipt by its number (core/dossier.ts). Pure.
 */
import { z } from 'zod'

/** The list field of each type whose rows are picked from the case's documents. */
export const SERVED_FIELD: Readonly<Record<string, string>> = { service_receipt: 'documents' }

export const DocumentChoiceSchema = z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() })
export type DocumentChoice = z.output<typeof DocumentChoiceSchema>
/** a choice as the document view offers it: whether the draft already lists it */
export const OfferedDocumentSchema = DocumentChoiceSchema.extend({ chosen: z.boolean() })

/** The documents a receipt may cover: the case's issued documents of the external types, in the case's order. */
export function servableDocuments(
  docs: readonly { id: number; type: string; status: string; title: string; number: string | null }[],
  isExternal: (type: string) => boolean
): DocumentChoice[] {
  return docs
    .filter((d) => d.status === 'issued' && isExternal(d.type) && !(d.type in SERVED_FIELD))
    .map((d) => ({ id: d.id, title: d.title, number: d.number }))
}

/** The rows for the chosen ids, in the order chosen, or the ids that are not among the choices. */
export function servedRows(
  choices: readonly DocumentChoice[],
  ids: readonly number[]
): { ok: true; rows: { title: string; number: string }[] } | { ok: false; unknown: number[] } {
  const unknown = ids.filter((id) => !choices.some((c) => c.id === id))
  if (unknown.length) return { ok: false, unknown }
  const rows = [...new Set(ids)].map((id) => choices.find((c) => c.id === id)!).map((c) => ({ title: c.title, number: c.number ?? '' }))
  return { ok: true, rows }
}

/** The choices already listed on a receipt (a row matches by number, or by title where the row has no number). */
export function chosenIds(choices: readonly DocumentChoice[], rows: unknown): number[] {
  if (!Array.isArray(rows)) return []
  const listed = rows as { title?: unknown; number?: unknown }[]
  return choices
    .filter((c) => listed.some((r) => (c.number && r.number ? r.number === c.number : r.title === c.title && !r.number)))
    .map((c) => c.id)
}
