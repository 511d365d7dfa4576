import { IDEA_EDIT_FRAGMENT, PROCESS_PATH_PREFIX } from '@samla/shared'

/** An idea's page, opened with the process link: `/k/<process>/i/<idea>#k=…`. */
export const ideaLink = (processId: string, ideaId: string, token: string) =>
  `${PROCESS_PATH_PREFIX}${encodeURIComponent(processId)}/i/${encodeURIComponent(ideaId)}#k=${encodeURIComponent(token)}`

/** The idea's co-editing link: its page, with the idea's own token (`#r=…`). */
export const ideaEditLink = (processId: string, ideaId: string, token: string) =>
  `${location.origin}${PROCESS_PATH_PREFIX}${encodeURIComponent(processId)}/i/${encodeURIComponent(ideaId)}#${IDEA_EDIT_FRAGMENT}=${encodeURIComponent(token)}`

/** Which link an idea's page was opened with: the process's (`#k=`) or the idea's (`#r=`). */
export function ideaPageToken(): { token: string; kind: 'process' | 'editor' } | null {
  const hash = new URLSearchParams(location.hash.slice(1))
  const process = hash.get('k')
  if (process) return { token: process, kind: 'process' }
  const editor = hash.get(IDEA_EDIT_FRAGMENT)
  return editor ? { token: editor, kind: 'editor' } : null
}
