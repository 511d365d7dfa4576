import { PROCESS_PATH_PREFIX } from '@samla/shared'

/** An idea's page, opened with the process link: `/k/<process>/i/<idea>#k=…`. */
export const ideaLink = (processId: string, ideaId: string, token: string) =>
  `${PROCESS_PATH_PREFIX}${encodeURIComponent(processId)}/i/${encodeURIComponent(ideaId)}#k=${encodeURIComponent(token)}`
