import type { Controls } from './controls.ts'

/**
 * Which of a meeting's phases participants may see and write on, decided the same way by the
 * server (which refuses edits on the others: EditRefusal.PhaseHidden) and by the client (which
 * lists only these in a participant's page menu).
 */
type PhaseControls = Pick<Controls, 'currentPhase' | 'shownPhases'>

/**
 * The phases participants may see, in page order. By default (`shownPhases` null) every phase
 * up to and including the current one; once the facilitator has chosen, the phases they opened.
 * The current phase is always visible, since everyone is brought to it. With no current phase
 * (or one that is not a page) the first phase counts as current, as the phone does.
 */
export function visiblePhases(
  controls: PhaseControls,
  pageIdsInOrder: readonly string[],
): string[] {
  const { currentPhase, shownPhases } = controls
  const current =
    currentPhase !== null && pageIdsInOrder.includes(currentPhase)
      ? currentPhase
      : (pageIdsInOrder[0] ?? null)
  if (shownPhases === null) {
    const upTo = current === null ? -1 : pageIdsInOrder.indexOf(current)
    return pageIdsInOrder.slice(0, upTo + 1)
  }
  const shown = new Set(shownPhases)
  return pageIdsInOrder.filter((id) => id === current || shown.has(id))
}

/**
 * `shownPhases` after the facilitator shows or hides one phase: the first choice turns the
 * default into the explicit list it stood for, so that nothing else appears or disappears.
 */
export function withPhaseShown(
  controls: PhaseControls,
  pageIdsInOrder: readonly string[],
  pageId: string,
  shown: boolean,
): string[] {
  const others = visiblePhases(controls, pageIdsInOrder).filter((id) => id !== pageId)
  return shown ? [...others, pageId] : others
}

/** A page as the order of phases needs it: tldraw's fractional `index`, compared as strings. */
export interface OrderedPage {
  id: string
  index: string
}

/** Page ids in tldraw's page order (by index; equal indexes, which tldraw avoids, by id). */
export function phaseOrder(pages: Iterable<OrderedPage>): string[] {
  return [...pages]
    .sort((a, b) =>
      a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    .map((page) => page.id)
}
