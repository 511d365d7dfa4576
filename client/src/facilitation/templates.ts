import { ShapeMark } from '@samla/shared'

/**
 * The default phases of a meeting and the frames laid out on each (from the seeds: the
 * Kraftsamling's "Öppna upp – Fördjupa, Testa – Lära, Integrera – Samhandla", and the
 * reflection questions of seed 002). The texts are the meeting's content, written in Swedish
 * whatever language the facilitator's screen is in: everyone in the room reads the same
 * board, and the documentation quotes it.
 *
 * Coordinates are page coordinates; every phase keeps its prompts on the left and its Inkorg
 * on the right, so that people find their way around any phase the same way.
 */
export const TEMPLATES_VERSION = 1

export interface TemplateFrame {
  /** Stable within its phase; part of the shape id, so laying out twice writes the same records. */
  key: string
  /** Shown above the frame: the question, or "Inkorg". */
  name: string
  /** A line inside the frame saying what belongs there. */
  hint: string
  mark: ShapeMark
  x: number
  y: number
  w: number
  h: number
}

export interface PhaseTemplate {
  key: string
  name: string
  frames: readonly TemplateFrame[]
}

/** Prompts take the left 1200 units; the Inkorg stands beside them at full height. */
const HEIGHT = 1200
const inbox: TemplateFrame = {
  key: 'inkorg',
  name: 'Inkorg',
  hint: 'Lappar från telefoner och från partnergruppen hamnar här. Flytta dem dit de hör hemma.',
  mark: ShapeMark.inbox,
  x: 1280,
  y: 0,
  w: 520,
  h: HEIGHT,
}

const prompt = (frame: Omit<TemplateFrame, 'mark'>): TemplateFrame => ({
  ...frame,
  mark: ShapeMark.prompt,
})

export const DEFAULT_PHASES: readonly PhaseTemplate[] = [
  {
    key: 'oppna-upp',
    name: 'Öppna upp',
    // An iceberg: what shows above the surface, and the root causes beneath it.
    frames: [
      prompt({
        key: 'ytan',
        name: 'Vad ser vi?',
        hint: 'Ovanför ytan: det som händer och syns i vardagen – berättelser om hur det är att vara ung i skolan i dag. En iakttagelse per lapp.',
        x: 0,
        y: 0,
        w: 1200,
        h: 420,
      }),
      prompt({
        key: 'under-ytan',
        name: 'Vad ligger under ytan?',
        hint: 'Under ytan: mönster, strukturer och föreställningar som håller kvar det vi ser. Vilka är grundorsakerna?',
        x: 0,
        y: 480,
        w: 1200,
        h: 720,
      }),
      inbox,
    ],
  },
  {
    key: 'testa',
    name: 'Testa',
    frames: [
      prompt({
        key: 'ideer',
        name: 'Idékort: vad vill vi pröva?',
        hint: 'En idé per lapp: vad, för vem och varför. Små försök som kan låsa upp något i systemet.',
        x: 0,
        y: 0,
        w: 1200,
        h: 560,
      }),
      prompt({
        key: 'testplan',
        name: 'Testplan',
        hint: 'Vad testar vi i liten skala? Vem gör det, när, och hur vet vi att det fungerade?',
        x: 0,
        y: 620,
        w: 1200,
        h: 580,
      }),
      inbox,
    ],
  },
  {
    key: 'lara',
    name: 'Lära',
    frames: [
      prompt({
        key: 'verksamhet',
        name: 'Vad kan du göra i din verksamhet?',
        hint: 'Tänk på ditt eget uppdrag och din organisation.',
        x: 0,
        y: 0,
        w: 590,
        h: HEIGHT,
      }),
      prompt({
        key: 'i-morgon',
        name: 'Vad kan du göra redan i morgon?',
        hint: 'Ett litet, konkret steg som du kan ta direkt.',
        x: 610,
        y: 0,
        w: 590,
        h: HEIGHT,
      }),
      inbox,
    ],
  },
  {
    key: 'integrera',
    name: 'Integrera',
    frames: [
      prompt({
        key: 'vem-gor-vad',
        name: 'Vem gör vad, när?',
        hint: 'Ett åtagande per lapp: vad som ska göras, vem som gör det och när.',
        x: 0,
        y: 0,
        w: 1200,
        h: 720,
      }),
      prompt({
        key: 'handslag',
        name: 'Handslag: vad lovar vi varandra?',
        hint: 'Det vi vill göra tillsammans, mellan organisationerna, och skriva under på.',
        x: 0,
        y: 780,
        w: 1200,
        h: 420,
      }),
      inbox,
    ],
  },
]

/** The shape id of a template frame (and of its hint: `…-hint`). */
export const frameShapeId = (phase: PhaseTemplate, frame: TemplateFrame) =>
  `shape:samla-${phase.key}-${frame.key}` as const

/** Page id of every phase but the first, which takes over the board's existing first page. */
export const phasePageId = (phase: PhaseTemplate) => `page:samla-${phase.key}` as const

/** The name of a phase added without a template (content, so in Swedish like the templates). */
export const BLANK_PHASE_NAME = 'Ny fas'

/**
 * The shape id of a template frame on a phase added later (PhaseList): tied to its page, so
 * that the same template added twice, or added beside the default phases, never shares ids.
 */
export const addedFrameShapeId = (pageId: string, frame: TemplateFrame) =>
  `shape:samla-${pageId.slice('page:'.length)}-${frame.key}` as const
