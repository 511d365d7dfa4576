/**
 * Characters of text in a tldraw rich-text document (TipTap JSON: nodes with `content`
 * children and `text` leaves), counted without recursion. Call only on a value already
 * checked for depth.
 */
export function richTextLength(doc: unknown): number {
  let total = 0
  const stack: unknown[] = [doc]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    const { text, content } = node as { text?: unknown; content?: unknown }
    if (typeof text === 'string') total += text.length
    if (Array.isArray(content)) for (const child of content) stack.push(child)
  }
  return total
}
