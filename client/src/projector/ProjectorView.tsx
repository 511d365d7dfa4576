import type { BoardAccess } from '@samla/shared'
import { Board } from '../board/Board.tsx'

/**
 * The projector's page: full screen, read-only, no tool UI; the phase, the timer and the QR
 * code for phones. (First step: the read-only board.)
 */
export function ProjectorView(props: {
  boardId: string
  title: string
  licenseKey: string | null
  token: string | null
  access: BoardAccess
}) {
  return <Board {...props} />
}
