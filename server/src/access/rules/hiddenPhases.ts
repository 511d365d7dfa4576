import {
  ControlKey,
  currentPhaseSchema,
  phaseOrder,
  shownPhasesSchema,
  visiblePhases,
} from '@samla/shared'
import type * as Y from 'yjs'

/**
 * Whether participants may not see a phase of a meeting's board, and so not write on it: a
 * stored page that `visiblePhases` (shared, the same rule the client's page menu follows)
 * leaves out. A page that is not stored yet is no phase to hide.
 *
 * This runs for every participant edit, and the order of phases means reading every entry of
 * the board; most edits are on the current phase or one the facilitator showed, which are
 * told without it.
 */
export function hiddenPhaseTest(
  controls: Y.Map<unknown>,
  records: Y.Map<unknown>,
): (pageId: string) => boolean {
  const current = currentPhaseSchema.safeParse(controls.get(ControlKey.currentPhase))
  const shown = shownPhasesSchema.safeParse(controls.get(ControlKey.shownPhases))
  const phaseControls = {
    currentPhase: current.success ? current.data : null,
    shownPhases: shown.success ? shown.data : null,
  }
  let hidden: Set<string> | undefined
  return (pageId) => {
    if (pageId === phaseControls.currentPhase && records.has(pageId)) return false
    if (phaseControls.shownPhases?.includes(pageId)) return false
    hidden ??= hiddenOf(phaseControls, records)
    return hidden.has(pageId)
  }
}

function hiddenOf(
  controls: Parameters<typeof visiblePhases>[0],
  records: Y.Map<unknown>,
): Set<string> {
  // Yjs's own map of entries, not `keys()`: its iterator costs a large board's participants
  // half a millisecond per edit (5,000 records), this about a quarter of that.
  const pages: { id: string; index: string }[] = []
  for (const [id, item] of records._map) {
    if (item.deleted || !id.startsWith('page:')) continue
    const index = (records.get(id) as { index?: unknown } | null)?.index
    pages.push({ id, index: typeof index === 'string' ? index : '' })
  }
  const order = phaseOrder(pages)
  const visible = new Set(visiblePhases(controls, order))
  return new Set(order.filter((id) => !visible.has(id)))
}
