import { type BoardAccess, type ClientConfig, isBoardId } from '@samla/shared'
import { useEffect, useState } from 'react'
import { ApiError, getBoard, getBoardAccess, getClientConfig, linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { ProjectorView } from '../projector/ProjectorView.tsx'
import { Board } from './Board.tsx'

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
  if (loaded.kind === 'loading') {
    return (
      <p className="loading" role="status">
        {t('board.loading')}
      </p>
    )
  }
  const props = {
    boardId,
    title: loaded.access.meeting?.title ?? loaded.title,
    licenseKey: loaded.config.tldrawLicenseKey,
    maxNoteChars: loaded.config.maxNoteChars,
    token: loaded.token,
    access: loaded.access,
  }
  return loaded.access.role === 'projector' ? <ProjectorView {...props} /> : <Board {...props} />
}
