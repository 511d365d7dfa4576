import {
  isLockedForParticipants,
  LAYOUT_LOCK_META_KEY,
  pageIdSchema,
  ShapeMark,
  shapeIdSchema,
} from '@samla/shared'
import type { TLPageId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { templateShapes } from './layoutPhases.ts'
import { addedFrameShapeId, DEFAULT_PHASES, frameShapeId, phasePageId } from './templates.ts'

const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('the default phase templates', () => {
  it('are the four phases of a Kraftsamling, in order', () => {
    expect(DEFAULT_PHASES.map((p) => p.name)).toEqual(['Öppna upp', 'Testa', 'Lära', 'Integrera'])
  })

  it('give every phase exactly one Inkorg and at least one question', () => {
    for (const phase of DEFAULT_PHASES) {
      const inboxes = phase.frames.filter((f) => f.mark === ShapeMark.inbox)
      expect(
        inboxes.map((f) => f.name),
        phase.name,
      ).toEqual(['Inkorg'])
      expect(phase.frames.filter((f) => f.mark === ShapeMark.prompt).length).toBeGreaterThan(0)
    }
  })

  it('ask the reflection questions of the seeds in Lära, and who does what in Integrera', () => {
    const names = (key: string) =>
      DEFAULT_PHASES.find((p) => p.key === key)?.frames.map((f) => f.name)
    expect(names('lara')).toEqual(
      expect.arrayContaining([
        'Vad kan du göra i din verksamhet?',
        'Vad kan du göra redan i morgon?',
      ]),
    )
    expect(names('integrera')).toContain('Vem gör vad, när?')
    expect(names('oppna-upp')).toEqual(
      expect.arrayContaining(['Vad ser vi?', 'Vad ligger under ytan?']),
    )
  })

  it('lay frames out side by side, never on top of one another', () => {
    for (const phase of DEFAULT_PHASES) {
      phase.frames.forEach((a, i) => {
        for (const b of phase.frames.slice(i + 1)) {
          expect(overlaps(a, b), `${phase.name}: ${a.key} / ${b.key}`).toBe(false)
        }
      })
    }
  })

  it('use ids the relay accepts, unique across the board', () => {
    const ids = DEFAULT_PHASES.flatMap((phase) =>
      templateShapes(phase, 'page:page' as TLPageId).map((s) => s.id),
    )
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(shapeIdSchema.safeParse(id).success, id).toBe(true)
    for (const phase of DEFAULT_PHASES)
      expect(pageIdSchema.safeParse(phasePageId(phase)).success).toBe(true)
  })

  it('mark each frame for the features that look for it (which locks it for participants), with its hint inside, locked too', () => {
    const [phase] = DEFAULT_PHASES
    if (!phase) throw new Error('no phases')
    const shapes = templateShapes(phase, 'page:page' as TLPageId)
    for (const frame of phase.frames) {
      const id = frameShapeId(phase, frame)
      const shape = shapes.find((s) => s.id === id)
      expect(shape?.parentId).toBe('page:page')
      expect(shape?.meta).toEqual({ samla: frame.mark })
      expect(isLockedForParticipants(shape)).toBe(true)
      const hint = shapes.find((s) => s.parentId === id)
      expect(hint?.type).toBe('text')
      expect(hint?.meta).toEqual({ [LAYOUT_LOCK_META_KEY]: true })
    }
  })

  it('give a phase added later ids of its own page: valid, and never those of another phase', () => {
    const defaults = new Set(
      DEFAULT_PHASES.flatMap((phase) =>
        templateShapes(phase, 'page:page' as TLPageId).map((s) => s.id),
      ),
    )
    // tldraw's page ids are 'page:' and a 21-character nanoid.
    const pages = ['page:V1StGXR8_Z5jdHi6B-myT', 'page:a2StGXR8_Z5jdHi6B-myT'] as TLPageId[]
    for (const phase of DEFAULT_PHASES) {
      const [one, other] = pages.map((pageId) =>
        templateShapes(phase, pageId, (frame) => addedFrameShapeId(pageId, frame)),
      )
      for (const shape of one ?? []) {
        expect(shapeIdSchema.safeParse(shape.id).success, shape.id).toBe(true)
        expect(defaults.has(shape.id), shape.id).toBe(false)
        expect(other?.some((s) => s.id === shape.id)).toBe(false)
      }
      // Still the template's frames: marked, so locked for participants, with their hints.
      const frames = (one ?? []).filter((s) => s.type === 'frame')
      expect(frames.map((s) => s.meta)).toEqual(phase.frames.map((f) => ({ samla: f.mark })))
      expect(frames.every((s) => isLockedForParticipants(s))).toBe(true)
    }
  })
})
