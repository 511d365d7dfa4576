import {
  BOARD_PATH_PREFIX,
  DOCS_PATH_PREFIX,
  FEEDBACK_PATH_PREFIX,
  JOIN_PATH,
  PHONE_PATH_PREFIX,
  PROCESS_PATH_PREFIX,
  PUBLISHED_PATH_PREFIX,
  PUBLISHED_PROCESS_PATH_PREFIX,
} from '@samla/shared'
import { linkToken } from './api.ts'
import { BoardPage } from './board/BoardPage.tsx'
import { DocumentationPage } from './documentation/DocumentationPage.tsx'
import { SnapshotViewer } from './documentation/SnapshotViewer.tsx'
import { IdeaPage } from './ideas/IdeaPage.tsx'
import { Notice } from './Notice.tsx'
import { JoinPage } from './phone/JoinPage.tsx'
import { PhonePage } from './phone/PhonePage.tsx'
import { FeedbackPage } from './process/FeedbackPage.tsx'
import { ProcessPage } from './process/ProcessPage.tsx'
import { ProcessRecordPage } from './process/ProcessRecordPage.tsx'
import { StartPage } from './start/StartPage.tsx'

const rest = (path: string, prefix: string) => decodeURIComponent(path.slice(prefix.length))

/** A handful of pages, so the path is matched by hand rather than with a router library. */
export function App() {
  const path = location.pathname
  if (path === '/' || path === '') return <StartPage />
  if (path.startsWith(BOARD_PATH_PREFIX))
    return <BoardPage boardId={rest(path, BOARD_PATH_PREFIX)} />
  if (path.startsWith(PHONE_PATH_PREFIX))
    return <PhonePage boardId={rest(path, PHONE_PATH_PREFIX)} />
  if (path.startsWith(PROCESS_PATH_PREFIX)) {
    // /k/<process> or /k/<process>/i/<idea>
    const [processId = '', , ideaId] = rest(path, PROCESS_PATH_PREFIX).split('/')
    if (ideaId) return <IdeaPage processId={processId} ideaId={ideaId} />
    return <ProcessPage processId={processId} />
  }
  if (path.startsWith(PUBLISHED_PROCESS_PATH_PREFIX))
    return <ProcessRecordPage token={rest(path, PUBLISHED_PROCESS_PATH_PREFIX)} />
  if (path.startsWith(FEEDBACK_PATH_PREFIX))
    return <FeedbackPage meetingId={rest(path, FEEDBACK_PATH_PREFIX)} />
  if (path === JOIN_PATH || path === `${JOIN_PATH}/`) return <JoinPage code={null} />
  if (path.startsWith(`${JOIN_PATH}/`)) return <JoinPage code={rest(path, `${JOIN_PATH}/`)} />
  if (path.startsWith(DOCS_PATH_PREFIX)) {
    // /docs/<meeting> or /docs/<meeting>/snapshots/<snapshot>
    const [meetingId = '', , snapshotId] = rest(path, DOCS_PATH_PREFIX).split('/')
    const token = linkToken() ?? ''
    if (snapshotId)
      return <SnapshotViewer meetingId={meetingId} snapshotId={snapshotId} token={token} />
    return <DocumentationPage source={{ kind: 'meeting', meetingId, token }} />
  }
  if (path.startsWith(PUBLISHED_PATH_PREFIX)) {
    return (
      <DocumentationPage source={{ kind: 'published', token: rest(path, PUBLISHED_PATH_PREFIX) }} />
    )
  }
  return <Notice headingKey="notFound.heading" />
}
