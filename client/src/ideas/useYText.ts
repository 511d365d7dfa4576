import { useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'

/** Where a caret at `at` goes when a change described by `delta` lands before or at it. */
export function shiftThrough(at: number, delta: Y.YTextEvent['delta']): number {
  let index = 0
  let moved = at
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain
    else if (typeof op.insert === 'string') {
      if (index < at) moved += op.insert.length
      index += op.insert.length
    } else if (op.delete !== undefined) {
      if (index < at) moved -= Math.min(op.delete, at - index)
    }
  }
  return Math.max(0, moved)
}

/** The smallest change that turns `from` into `to`: a start, a length removed, what goes in. */
export function textChange(from: string, to: string) {
  let start = 0
  while (start < from.length && start < to.length && from[start] === to[start]) start++
  let endFrom = from.length
  let endTo = to.length
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
    endFrom--
    endTo--
  }
  return { start, remove: endFrom - start, insert: to.slice(start, endTo) }
}

/**
 * The edit an input event made, told by where the caret ended up: typing "l" after an "l"
 * inserts it where the writer typed it, not after the run of l's a plain diff would pick.
 * The place matters when someone else writes in the same field at the same moment.
 */
export function editAt(from: string, to: string, caret: number) {
  const grown = to.length - from.length
  if (grown > 0) {
    const start = caret - grown
    if (
      start >= 0 &&
      to.slice(0, start) === from.slice(0, start) &&
      to.slice(caret) === from.slice(start)
    )
      return { start, remove: 0, insert: to.slice(start, caret) }
  } else if (grown < 0) {
    if (
      to.slice(0, caret) === from.slice(0, caret) &&
      to.slice(caret) === from.slice(caret - grown)
    )
      return { start: caret, remove: -grown, insert: '' }
  }
  return textChange(from, to)
}

/**
 * A textarea bound to a Y.Text. The textarea is left uncontrolled: what others write is put
 * into it at once (moving the writer's caret along), so that it holds exactly the text every
 * time the writer types, and each keystroke becomes the smallest edit at the caret.
 */
export function useYText(doc: Y.Doc | null, root: string) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const text = doc?.getText(root) ?? null

  useEffect(() => {
    const el = ref.current
    if (!el) return
    // A new document for the same field (a reconnect starts one): the text is the same, and
    // so is where the writer was in it. Setting the value alone would send the caret to the end.
    const [from, to] = [el.selectionStart, el.selectionEnd]
    const value = text?.toString() ?? ''
    if (el.value !== value) {
      el.value = value
      el.setSelectionRange(Math.min(from, value.length), Math.min(to, value.length))
    }
    if (!text) return
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // This page's own edit: the textarea shows it already.
      if (transaction.local) return
      const start = shiftThrough(el.selectionStart, event.delta)
      const end = shiftThrough(el.selectionEnd, event.delta)
      el.value = text.toString()
      // Always, focused or not: a field the writer left keeps their place for their return,
      // and a page whose focus a browser reports late still keeps the caret in the words.
      el.setSelectionRange(start, end)
    }
    text.observe(observe)
    return () => text.unobserve(observe)
  }, [text])

  const onInput = useCallback(() => {
    const el = ref.current
    if (!el || !text || !doc) return
    const { start, remove, insert } = editAt(text.toString(), el.value, el.selectionEnd)
    doc.transact(() => {
      if (remove > 0) text.delete(start, remove)
      if (insert) text.insert(start, insert)
    })
  }, [doc, text])
  return { ref, onInput }
}
