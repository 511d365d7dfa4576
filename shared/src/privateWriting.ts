import { z } from 'zod'

/**
 * "Skriv enskilt" (private writing). While it is on for a phase, a participant's new note goes
 * into the board as a blank card, and its text to the server alone (PUT
 * /api/meetings/:id/private-notes/:shapeId with the browser's voter credential), which hands
 * it back only to that voter. When the facilitator reveals, the server writes every text into
 * its card, so that the text of others' notes never reaches a participant's, the
 * projector's or a phone's browser before then: not hidden by the page, absent from it.
 *
 * A blank card carries `meta.samlaPrivate`: the proof, base64url(SHA-256(secret)), of a secret
 * only its writer's browser knows and sends with the text. The server writes a text into a
 * card only when the card's proof is the hash of the secret that came with it, so nobody can
 * put their own words into someone else's card by claiming its id first; and a participant may
 * not change a card's proof (EditRefusal.PrivateWriting).
 */
export const PRIVATE_META_KEY = 'samlaPrivate'

/** Notes one voter may hold privately in one meeting: more than any round of writing needs. */
export const MAX_PRIVATE_NOTES_PER_VOTER = 200

/** Characters of a private note's text; the relay's limit on a shape's text is the same order. */
export const MAX_PRIVATE_NOTE_CHARS = 2000

export const privateSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/)
export const privateProofSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

export const privateNoteRequest = z
  .object({
    text: z.string().max(MAX_PRIVATE_NOTE_CHARS),
    /**
     * The note's secret: needed when the server first takes the note. Given again, the card's
     * proof becomes its hash (the writer's page made the card anew: an undone deletion); a page
     * that no longer knows it (after a reload) leaves it out and the proof stays.
     */
    secret: privateSecretSchema.optional(),
    /** The writer's name for the note once revealed; dropped in an anonymous meeting. */
    author: z.string().trim().max(80).nullable(),
  })
  .strict()
export type PrivateNoteRequest = z.infer<typeof privateNoteRequest>

export const privateWritingRequest = z.object({ phaseId: z.string().max(80) }).strict()

/** What GET …/private-notes gives a voter: its own notes, and nothing of anyone else's. */
export const privateNotesView = z.object({
  phaseId: z.string().nullable(),
  notes: z.array(
    z.object({ shapeId: z.string(), text: z.string(), author: z.string().nullable() }),
  ),
})
export type PrivateNotesView = z.infer<typeof privateNotesView>

/** A card's private mark, if it is one. */
export function privateProofOf(record: unknown): string | null {
  const meta = (record as { meta?: Record<string, unknown> } | null | undefined)?.meta
  const proof = meta && typeof meta === 'object' ? meta[PRIVATE_META_KEY] : undefined
  return typeof proof === 'string' ? proof : null
}
