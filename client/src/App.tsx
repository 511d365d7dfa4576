import { BOARD_PATH_PREFIX } from '@samla/shared'
import { BoardPage } from './board/BoardPage.tsx'
import { Notice } from './Notice.tsx'
import { StartPage } from './start/StartPage.tsx'

/** Two pages only, so the path is matched by hand rather than with a router library. */
export function App() {
  const path = location.pathname
  if (path === '/' || path === '') return <StartPage />
  if (path.startsWith(BOARD_PATH_PREFIX)) {
    return <BoardPage boardId={decodeURIComponent(path.slice(BOARD_PATH_PREFIX.length))} />
  }
  return <Notice headingKey="notFound.heading" />
}
