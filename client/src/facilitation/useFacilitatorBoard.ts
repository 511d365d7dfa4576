import { useEffect, useMemo } from 'react'
import type { Editor } from 'tldraw'
import { usePhaseChangePictures } from '../documentation/usePhaseChangePictures.ts'
import { readControls } from '../meeting/controls.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { layoutPhases, lockTemplateHints } from './layoutPhases.ts'

/**
 * What the facilitator's page does by itself: lays out the default phases the first time
 * the board opens (and locks the hints of an older layout), and after each phase change draws
 * the pictures for its documentation.
 */
export function useFacilitatorBoard(editor: Editor | null, meeting: MeetingInfo | null) {
  const actions = meeting?.actions ?? null
  const doc = meeting?.doc ?? null
  const templatesVersion = meeting?.controls.templatesVersion
  useEffect(() => {
    if (!editor || !actions || !doc || templatesVersion !== 0) return
    // The rendered controls may lag the document by a render; the document has the last word.
    if (readControls(doc).templatesVersion !== 0) return
    layoutPhases(editor, actions, doc)
  }, [editor, actions, doc, templatesVersion])
  useEffect(() => {
    if (editor && actions && templatesVersion !== undefined && templatesVersion > 0)
      lockTemplateHints(editor)
  }, [editor, actions, templatesVersion])

  const meetingId = meeting?.access.meeting?.id ?? null
  const token = meeting?.token ?? null
  const source = useMemo(
    () => (actions && meetingId && token ? { meetingId, token } : null),
    [actions, meetingId, token],
  )
  usePhaseChangePictures(editor, source, meeting?.controls.currentPhase ?? null)
}
