import { type Controls, phaseOrder, visiblePhases } from '@samla/shared'
import { type Editor, useValue } from 'tldraw'

/**
 * The board's phases in page order, as the server orders them (shared `phaseOrder`), joined
 * into one string so that React sees a change only when the order changes.
 */
function usePhaseOrderKey(editor: Editor | null): string {
  return useValue('phase order', () => phaseOrder(editor?.getPages() ?? []).join('\n'), [editor])
}

const split = (key: string): string[] => (key === '' ? [] : key.split('\n'))

export function usePhaseOrder(editor: Editor | null): string[] {
  return split(usePhaseOrderKey(editor))
}

/**
 * The phases participants see, in page order: the same rule (shared `visiblePhases`) the
 * server applies when it refuses their edits elsewhere.
 */
export function useVisiblePhases(
  editor: Editor | null,
  controls: Pick<Controls, 'currentPhase' | 'shownPhases'> | null,
): string[] {
  const order = usePhaseOrder(editor)
  return controls ? visiblePhases(controls, order) : order
}
