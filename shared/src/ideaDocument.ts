import { z } from 'zod'
import { actorSector, DESCRIPTION_TEXT_FIELDS, type IdeaDescription } from './ideas.ts'

/**
 * The idébeskrivning as a Yjs document, so that several people can write it at once: one root
 * Y.Text per field of the template (named as the field: `bakgrund`, `syfte`, …) and one root
 * Y.Map of the actors taking part, keyed by a row id the writer makes. The relay accepts
 * nothing else in it (server/src/access/rules/ideaContent.ts).
 */
export const IDEA_TEXT_ROOTS = DESCRIPTION_TEXT_FIELDS
export type IdeaTextRoot = (typeof IDEA_TEXT_ROOTS)[number]
export const IDEA_ACTORS_MAP = 'aktorer'

/** As in ideaDescriptionSchema: what a field and the list of actors may hold. */
export const MAX_IDEA_FIELD_CHARS = 5000
export const MAX_IDEA_ACTORS = 40
export const ACTOR_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

/** One actor as the document holds it; `order` sorts the rows (when added, in milliseconds). */
export const actorEntrySchema = z
  .object({
    organisation: z.string().max(200),
    sector: actorSector,
    order: z.number().finite(),
  })
  .strict()
export type ActorEntry = z.infer<typeof actorEntrySchema>

/**
 * GET /api/processes/:id/ideas/:ideaId/document: where the idébeskrivning is written. `editLink`
 * is the per-idea link that lets others (participants) co-edit it, when one is open, and only
 * for the process link's holder.
 */
export const ideaDocumentInfoSchema = z.object({
  documentId: z.string(),
  wsPath: z.string(),
  /** `process`: the process link (edits everything); `editor`: the per-idea link (the text only). */
  access: z.enum(['process', 'editor']),
  editLinkOpen: z.boolean(),
})
export type IdeaDocumentInfo = z.infer<typeof ideaDocumentInfoSchema>

/** The per-idea co-editing link's token travels in the address's fragment: `#r=<token>`. */
export const IDEA_EDIT_FRAGMENT = 'r'

/** What reading a description needs of its document (a Y.Doc, without importing Yjs here). */
export interface IdeaDocumentReader {
  text(root: IdeaTextRoot): string
  actors(): Iterable<[string, unknown]>
}

/**
 * The description a document holds, read leniently: an actor the relay would refuse today
 * (an older rule) is skipped, so that one bad entry never hides the rest; rows without an
 * organisation are rows someone has only begun.
 */
export function descriptionFromDocument(read: IdeaDocumentReader): IdeaDescription {
  const texts = Object.fromEntries(
    IDEA_TEXT_ROOTS.map((root) => [root, read.text(root)]),
  ) as Record<IdeaTextRoot, string>
  const actors: ActorEntry[] = []
  for (const [key, value] of read.actors()) {
    const parsed = actorEntrySchema.safeParse(value)
    if (ACTOR_KEY_PATTERN.test(key) && parsed.success) actors.push(parsed.data)
  }
  actors.sort((a, b) => a.order - b.order)
  return {
    ...texts,
    aktorer: actors
      .filter((a) => a.organisation.trim())
      .map(({ organisation, sector }) => ({ organisation: organisation.trim(), sector })),
  }
}
