import { BOARD_PATH_PREFIX, DOCS_PATH_PREFIX, FEEDBACK_PATH_PREFIX } from '@samla/shared'

/** Links a page holding a token makes itself: the server keeps only the token's hash. */
const withToken = (path: string, token: string) => `${path}#k=${encodeURIComponent(token)}`

export const boardLink = (boardId: string, token: string) =>
  withToken(`${BOARD_PATH_PREFIX}${boardId}`, token)
export const docsLink = (meetingId: string, token: string) =>
  withToken(`${DOCS_PATH_PREFIX}${encodeURIComponent(meetingId)}`, token)
export const feedbackLink = (meetingId: string, token: string) =>
  withToken(`${FEEDBACK_PATH_PREFIX}${encodeURIComponent(meetingId)}`, token)
