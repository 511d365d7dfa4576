import {
  BOARD_PATH_PREFIX,
  type Meeting,
  type MeetingLinks,
  PHONE_PATH_PREFIX,
} from '@samla/shared'

/** The token travels in the link's fragment, which browsers never send to any server. */
export const link = (origin: string, boardId: string, token: string) =>
  `${origin}${BOARD_PATH_PREFIX}${boardId}#k=${token}`
export const phoneLink = (origin: string, boardId: string, token: string) =>
  `${origin}${PHONE_PATH_PREFIX}${boardId}#k=${token}`

export const meetingLinks = (
  origin: string,
  meeting: Meeting,
  tokens: MeetingLinks,
): MeetingLinks => ({
  facilitator: link(origin, meeting.boardId, tokens.facilitator),
  participant: link(origin, meeting.boardId, tokens.participant),
  projector: link(origin, meeting.boardId, tokens.projector),
})

/** The board id and token of a meeting link someone pasted: `…/b/<board>#k=<token>`. */
export function parseMeetingLink(text: string): { boardId: string; token: string } | null {
  const match = text.trim().match(/\/b\/([A-Za-z0-9_-]{22})#k=([A-Za-z0-9_-]{22})$/)
  return match?.[1] && match[2] ? { boardId: match[1], token: match[2] } : null
}
