import {
  ControlKey,
  currentPhaseSchema,
  phaseOrder,
  shownPhasesSchema,
  visiblePhases,
} from '@samla/shared'
import type * as Y from 'yjs'

/**
 * The phases of a meeting's board that participants may not see, and so not write on: the
 * stored pages that `visiblePhases` (shared, the same rule the client's page menu follows)
 * leaves out. A page that is not stored yet is no phase to hide.
 */
export function hiddenPhases(controls: Y.Map<unknown>, records: Y.Map<unknown>): Set<string> {
  const pages: { id: string; index: string }[] = []
  for (const [id, record] of records.entries()) {
    if (!id.startsWith('page:')) continue
    const index = (record as { index?: unknown } | null)?.index
    pages.push({ id, index: typeof index === 'string' ? index : '' })
  }
  const order = phaseOrder(pages)
  const current = currentPhaseSchema.safeParse(controls.get(ControlKey.currentPhase))
  const shown = shownPhasesSchema.safeParse(controls.get(ControlKey.shownPhases))
  const visible = new Set(
    visiblePhases(
      {
        currentPhase: current.success ? current.data : null,
        shownPhases: shown.success ? shown.data : null,
      },
      order,
    ),
  )
  return new Set(order.filter((id) => !visible.has(id)))
}
