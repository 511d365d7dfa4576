import { type BoardAccess, type ClientConfig, isBoardId } from '@samla/shared'
import { lazy, Suspense, useEffect, useState } from 'react'
import { ApiError, getBoard, getBoardAccess, getClientConfig, linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'

// The canvas and the projector are chunks of their own over the one tldraw chunk. The board's
// is fetched together with the API calls below rather than after them; a projector link
// fetches it too (a few KB beside tldraw, which both need).
const loadBoard = () => import('./Board.tsx')
const Board = lazy(() => loadBoard().then((m) => ({ default: m.Board })))
const ProjectorView = lazy(() =>
  import('../projector/ProjectorView.tsx').then((m) => ({ default: m.ProjectorView })),
)

type Loaded =
  | { kind: 'loading' }
  | {
      kind: 'ready'
      config: ClientConfig
      title: string
      token: string | null
      access: BoardAccess
    }
  | { kind: 'unauthorized' }
  | { kind: 'missing' }
  | { kind: 'error' }

/** Checks the board exists and fetches run-time config (the tldraw license key) before drawing. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n()
  const valid = isBoardId(boardId)
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })

  useEffect(() => {
    if (!valid) return
    void loadBoard()
    let cancelled = false
    const token = linkToken()
    Promise.all([getClientConfig(), getBoard(boardId), getBoardAccess(boardId, token)]).then(
      ([config, board, access]) =>
        !cancelled &&
        setLoaded({
          kind: 'ready',
          config,
          title: board.title,
          token,
          access,
        }),
      (err: unknown) => {
        if (cancelled) return
        const status = err instanceof ApiError ? err.status : 0
        setLoaded({ kind: status === 404 ? 'missing' : status === 401 ? 'unauthorized' : 'error' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, valid])

  if (!valid) return <Notice headingKey="board.invalid.heading" />
  if (loaded.kind === 'missing')
    return <Notice headingKey="board.notFound.heading" bodyKey="board.notFound.body" />
  if (loaded.kind === 'unauthorized') {
    return <Notice headingKey="board.needsLink.heading" bodyKey="board.needsLink.body" />
  }
  if (loaded.kind === 'error')
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  const loading = (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  )
  if (loaded.kind === 'loading') return loading
  const props = {
    boardId,
    title: loaded.access.meeting?.title ?? loaded.title,
    licenseKey: loaded.config.tldrawLicenseKey,
    maxNoteChars: loaded.config.maxNoteChars,
    token: loaded.token,
    access: loaded.access,
  }
  return (
    <Suspense fallback={loading}>
      {loaded.access.role === 'projector' ? <ProjectorView {...props} /> : <Board {...props} />}
    </Suspense>
  )
}
