import { isDeepStrictEqual } from 'node:util'
import { privateProofOf } from '@samla/shared'

/**
 * Whether a participant's write of `values` over `stored` (absent for a new record) on the
 * phase written privately would put text into the board: a new record with any text, a
 * changed text, or a changed private mark. Moving a record, restyling it, resizing it, or
 * deleting it puts no text anywhere; a record that already had its text keeps it.
 *
 * The texts themselves never come from participants' browsers to the board while the phase is
 * private (shared/src/privateWriting.ts): this rule is what makes that so for a browser that
 * does not know private writing (an older page, a script), not only for Samla's own pages.
 * The mark is the proof that ties a card to the secret of its writer: whoever could rewrite it
 * could have their own words revealed in someone else's card.
 */
export function putsTextOnPrivatePhase(stored: unknown, values: unknown[]): boolean {
  return values.some((value) =>
    stored === undefined
      ? hasText(value)
      : !isDeepStrictEqual(textsOf(value), textsOf(stored)) ||
        privateProofOf(value) !== privateProofOf(stored),
  )
}

/** Every prop of tldraw's shapes that holds words: a note's or a geo's rich text, a frame's name. */
function textsOf(record: unknown): [unknown, unknown, unknown] {
  const props = (record as { props?: Record<string, unknown> } | null | undefined)?.props
  if (!props || typeof props !== 'object') return [undefined, undefined, undefined]
  return [props.richText, props.text, props.name]
}

/**
 * Whether any words are in a new record's text props: any string in them but a node's type or
 * its text direction. Stricter than reading the text as tldraw shows it, since a hostile
 * client could carry words in a node nobody displays, for a reader of the board to find.
 */
function hasText(record: unknown): boolean {
  return textsOf(record).some((value) => carriesWords(value))
}

function carriesWords(value: unknown, key?: string): boolean {
  if (typeof value === 'string') return key !== 'type' && key !== 'dir' && value.trim() !== ''
  if (Array.isArray(value)) return value.some((item) => carriesWords(item))
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => carriesWords(v, k))
  return false
}
