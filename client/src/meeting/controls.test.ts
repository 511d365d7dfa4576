import { ControlKey } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { controlActions, readControls } from './controls.ts'

const order = ['page:one', 'page:two', 'page:three']
const bounds = { x: 0, y: 0, w: 100, h: 100 }

function meeting() {
  const doc = new Y.Doc()
  const actions = controlActions(doc, () => 0)
  return { doc, actions, controls: () => readControls(doc) }
}

describe('which phases the facilitator shows participants', () => {
  it('stays the default (up to the current phase) until the facilitator picks one, then keeps what it showed', () => {
    const m = meeting()
    m.actions.setCurrentPhase('page:two')
    expect(m.controls().shownPhases).toBeNull()
    m.actions.setPhaseShown(order, 'page:three', true)
    expect(m.controls().shownPhases).toEqual(['page:one', 'page:two', 'page:three'])
    m.actions.setPhaseShown(order, 'page:one', false)
    expect(m.controls().shownPhases).toEqual(['page:two', 'page:three'])
    m.actions.showPhasesUpToCurrent()
    expect(m.controls().shownPhases).toBeNull()
  })

  it('keeps a phase shown once it was current, when the facilitator has chosen', () => {
    const m = meeting()
    m.actions.setCurrentPhase('page:one')
    m.actions.setPhaseShown(order, 'page:three', true)
    m.actions.setCurrentPhase('page:two')
    m.actions.setCurrentPhase('page:three')
    expect(m.controls().shownPhases).toEqual(['page:one', 'page:three', 'page:two'])
  })

  it('bringing everyone to a hidden phase shows it in the same change', () => {
    const m = meeting()
    m.actions.setCurrentPhase('page:one')
    const changes: unknown[] = []
    m.doc.on('update', (u: Uint8Array) => changes.push(u))
    m.actions.bringEveryone(order, 'page:three', bounds)
    expect(changes).toHaveLength(1)
    expect(m.controls().shownPhases).toEqual(['page:one', 'page:three'])
    expect(m.doc.getMap('meeting').get(ControlKey.bring)).toMatchObject({ pageId: 'page:three' })
    // To a phase already shown it changes nothing else.
    m.actions.bringEveryone(order, 'page:one', bounds)
    expect(m.controls().shownPhases).toEqual(['page:one', 'page:three'])
  })
})
