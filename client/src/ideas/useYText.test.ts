import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editAt, shiftThrough, textChange } from './useYText.ts'

/** The textarea binding's two pieces: the edit a keystroke makes, and the caret others move. */
describe('writing a field together', () => {
  it('a keystroke becomes the smallest edit, so two people typing in one field keep both their words', () => {
    expect(textChange('Lugna raster', 'Lugna långa raster')).toEqual({
      start: 6,
      remove: 0,
      insert: 'långa ',
    })
    expect(textChange('Lugna raster', 'Lugn raster')).toEqual({ start: 4, remove: 1, insert: '' })
    expect(textChange('abc', 'aXc')).toEqual({ start: 1, remove: 1, insert: 'X' })

    const anna = new Y.Doc()
    const youth = new Y.Doc()
    anna.getText('syfte').insert(0, 'Lugna raster.')
    Y.applyUpdate(youth, Y.encodeStateAsUpdate(anna))
    const type = (doc: Y.Doc, next: string) => {
      const text = doc.getText('syfte')
      const { start, remove, insert } = textChange(text.toString(), next)
      doc.transact(() => {
        if (remove) text.delete(start, remove)
        if (insert) text.insert(start, insert)
      })
    }
    type(anna, 'Lugna raster. Fler vuxna ute.')
    type(youth, 'Lugna långa raster.')
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(youth))
    Y.applyUpdate(youth, Y.encodeStateAsUpdate(anna))
    expect(anna.getText('syfte').toString()).toBe('Lugna långa raster. Fler vuxna ute.')
    expect(youth.getText('syfte').toString()).toBe(anna.getText('syfte').toString())
  })

  it('the edit is placed where the caret is, not where a plain diff would guess', () => {
    // "l" typed after the first l of "hallo": inserted at 2, where the writer typed it.
    expect(editAt('hallo', 'halllo', 3)).toEqual({ start: 2, remove: 0, insert: 'l' })
    expect(textChange('hallo', 'halllo')).toEqual({ start: 4, remove: 0, insert: 'l' })
    // Backspace over the first of two spaces, and a word pasted over a selection.
    expect(editAt('a  b', 'a b', 1)).toEqual({ start: 1, remove: 1, insert: '' })
    expect(editAt('Ett rum', 'Ett litet rum', 9)).toEqual({ start: 3, remove: 0, insert: ' litet' })
    expect(editAt('Ett rum', 'Ett hus', 7)).toEqual({ start: 4, remove: 3, insert: 'hus' })
  })

  it('what others write before the caret moves it along; what they write after leaves it', () => {
    const doc = new Y.Doc()
    const text = doc.getText('mal')
    text.insert(0, 'Ett rum per skola')
    const deltas: Y.YTextEvent['delta'][] = []
    text.observe((event) => deltas.push(event.delta))
    text.insert(0, 'Minst ')
    text.insert(text.length, ' i länet')
    text.delete(0, 6)
    const [before, after, removed] = deltas
    // A caret after "Ett rum" (7).
    expect(shiftThrough(7, before ?? [])).toBe(13)
    expect(shiftThrough(13, after ?? [])).toBe(13)
    expect(shiftThrough(13, removed ?? [])).toBe(7)
    // A deletion across the caret leaves it where the deletion began.
    expect(shiftThrough(3, [{ retain: 1 }, { delete: 5 }])).toBe(1)
  })
})
