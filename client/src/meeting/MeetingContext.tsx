import type { BoardAccess, Controls } from '@samla/shared'
import { createContext, useContext, useMemo } from 'react'
import type * as Y from 'yjs'
import { type ControlActions, controlActions, useControls } from './controls.ts'
import { serverNow } from './serverClock.ts'

/** Everything a meeting's pages need to know about the meeting, from one provider. */
export interface MeetingInfo {
  access: BoardAccess
  /** The link's capability token (for the HTTP API and the relay). */
  token: string | null
  doc: Y.Doc | null
  controls: Controls
  /** The facilitator's controls; null for every other role. */
  actions: ControlActions | null
}

export const MeetingContext = createContext<MeetingInfo | null>(null)

/** The meeting around this component, or null on a plain board. */
export function useMeeting(): MeetingInfo | null {
  return useContext(MeetingContext)
}

/** Builds the context value for a meeting's board; null when the board is not a meeting's. */
export function useMeetingInfo(
  access: BoardAccess,
  token: string | null,
  doc: Y.Doc | null,
): MeetingInfo | null {
  const controls = useControls(doc, access.meeting?.anonymous ?? false)
  const actions = useMemo(
    () => (doc && access.role === 'facilitator' ? controlActions(doc, serverNow) : null),
    [doc, access.role],
  )
  return useMemo(
    () => (access.meeting ? { access, token, doc, controls, actions } : null),
    [access, token, doc, controls, actions],
  )
}
