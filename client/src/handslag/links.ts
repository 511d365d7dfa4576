import { CONFIRMATION_LINK_KEY, PROCESS_PATH_PREFIX } from '@samla/shared'

/** A Handslag's page, opened with the process link: `/k/<process>/h/<handslag>#k=…`. */
export const handslagLink = (processId: string, handslagId: string, token: string) =>
  `${PROCESS_PATH_PREFIX}${encodeURIComponent(processId)}/h/${encodeURIComponent(handslagId)}#k=${encodeURIComponent(token)}`

/** A confirmation link's token lives in the fragment (`#c=…`), which no server is sent. */
export const confirmationToken = () =>
  new URLSearchParams(location.hash.slice(1)).get(CONFIRMATION_LINK_KEY)
