import {
  ACCESSIBILITY_PATH,
  BOARD_PATH_PREFIX,
  DOCS_PATH_PREFIX,
  FEEDBACK_PATH_PREFIX,
  HANDSLAG_PATH_PREFIX,
  PHONE_PATH_PREFIX,
  PRIVACY_PATH,
  PROCESS_PATH_PREFIX,
  PUBLISHED_PATH_PREFIX,
  PUBLISHED_PROCESS_PATH_PREFIX,
} from '@samla/shared'
import { lazy } from 'react'
import { linkToken } from './api.ts'
import { PageFooter } from './legal/PageFooter.tsx'
import { Notice } from './Notice.tsx'

// One chunk per view (main.tsx holds the Suspense): the phone page must not wait for tldraw,
// which only the board, the projector and the snapshots need. The join page (/j) is not
// here: it is join.html, without React (phone/join.ts).
const BoardPage = lazy(() =>
  import('./board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })),
)
const DocumentationPage = lazy(() =>
  import('./documentation/DocumentationPage.tsx').then((m) => ({ default: m.DocumentationPage })),
)
const SnapshotViewer = lazy(() =>
  import('./documentation/SnapshotViewer.tsx').then((m) => ({ default: m.SnapshotViewer })),
)
const PhonePage = lazy(() =>
  import('./phone/PhonePage.tsx').then((m) => ({ default: m.PhonePage })),
)
const StartPage = lazy(() =>
  import('./start/StartPage.tsx').then((m) => ({ default: m.StartPage })),
)
const IdeaPage = lazy(() => import('./ideas/IdeaPage.tsx').then((m) => ({ default: m.IdeaPage })))
const FeedbackPage = lazy(() =>
  import('./process/FeedbackPage.tsx').then((m) => ({ default: m.FeedbackPage })),
)
const ProcessPage = lazy(() =>
  import('./process/ProcessPage.tsx').then((m) => ({ default: m.ProcessPage })),
)
const HandslagPage = lazy(() =>
  import('./handslag/HandslagPage.tsx').then((m) => ({ default: m.HandslagPage })),
)
const ConfirmPage = lazy(() =>
  import('./handslag/ConfirmPage.tsx').then((m) => ({ default: m.ConfirmPage })),
)
const ProcessRecordPage = lazy(() =>
  import('./process/ProcessRecordPage.tsx').then((m) => ({ default: m.ProcessRecordPage })),
)

const rest = (path: string, prefix: string) => decodeURIComponent(path.slice(prefix.length))

const AccessibilityPage = lazy(() =>
  import('./legal/AccessibilityPage.tsx').then((m) => ({ default: m.AccessibilityPage })),
)
const PrivacyPage = lazy(() =>
  import('./legal/PrivacyPage.tsx').then((m) => ({ default: m.PrivacyPage })),
)

/** Views drawn on a canvas fill the screen: the legal pages are in their menus instead. */
const onCanvas = (path: string) =>
  path.startsWith(BOARD_PATH_PREFIX) ||
  (path.startsWith(DOCS_PATH_PREFIX) && path.includes('/snapshots/'))

/** Every page, and below every one outside the canvas the footer with the legal pages. */
export function App() {
  const path = location.pathname
  if (onCanvas(path)) return <Page path={path} />
  return (
    <>
      <Page path={path} />
      <PageFooter />
    </>
  )
}

/** A handful of pages, so the path is matched by hand rather than with a router library. */
function Page({ path }: { path: string }) {
  if (path === '/' || path === '') return <StartPage />
  if (path === ACCESSIBILITY_PATH) return <AccessibilityPage />
  if (path === PRIVACY_PATH) return <PrivacyPage />
  if (path.startsWith(BOARD_PATH_PREFIX))
    return <BoardPage boardId={rest(path, BOARD_PATH_PREFIX)} />
  if (path.startsWith(PHONE_PATH_PREFIX))
    return <PhonePage boardId={rest(path, PHONE_PATH_PREFIX)} />
  if (path.startsWith(PROCESS_PATH_PREFIX)) {
    // /k/<process>, /k/<process>/i/<idea> or /k/<process>/h/<handslag>
    const [processId = '', kind, subId] = rest(path, PROCESS_PATH_PREFIX).split('/')
    if (kind === 'h' && subId) return <HandslagPage processId={processId} handslagId={subId} />
    if (subId) return <IdeaPage processId={processId} ideaId={subId} />
    return <ProcessPage processId={processId} />
  }
  if (path.startsWith(PUBLISHED_PROCESS_PATH_PREFIX))
    return <ProcessRecordPage token={rest(path, PUBLISHED_PROCESS_PATH_PREFIX)} />
  if (path.startsWith(HANDSLAG_PATH_PREFIX))
    return <ConfirmPage handslagId={rest(path, HANDSLAG_PATH_PREFIX)} />
  if (path.startsWith(FEEDBACK_PATH_PREFIX))
    return <FeedbackPage meetingId={rest(path, FEEDBACK_PATH_PREFIX)} />
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
