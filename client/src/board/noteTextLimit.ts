import { type Editor, renderPlaintextFromRichText, type TLShape, toRichText } from 'tldraw'

/** Characters of text in a shape's rich text (TipTap JSON), as the relay counts them. */
function textLength(richText: unknown): number {
  let total = 0
  const stack: unknown[] = [richText]
  while (stack.length > 0) {
    const node = stack.pop() as { text?: unknown; content?: unknown } | null
    if (!node || typeof node !== 'object') continue
    if (typeof node.text === 'string') total += node.text.length
    if (Array.isArray(node.content)) for (const child of node.content) stack.push(child)
  }
  return total
}

const richTextOf = (shape: TLShape) => (shape.props as { richText?: unknown }).richText

/**
 * Keeps each shape's text within what the relay takes (it refuses a longer note and the page
 * then loses the edit): typing past the limit does nothing, and a new shape with longer text
 * (a paste) keeps its first `max` characters, as plain text.
 */
export function limitNoteText(editor: Editor, max: number): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next) =>
    textLength(richTextOf(next)) > max &&
    textLength(richTextOf(next)) > textLength(richTextOf(prev))
      ? prev
      : next,
  )
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape) => {
    const richText = richTextOf(shape)
    if (richText === undefined || textLength(richText) <= max) return shape
    const text = renderPlaintextFromRichText(editor, richText as never).slice(0, max)
    return { ...shape, props: { ...shape.props, richText: toRichText(text) } } as TLShape
  })
  return () => {
    stopChange()
    stopCreate()
  }
}
