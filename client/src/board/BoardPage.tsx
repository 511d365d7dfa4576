import { type ClientConfig, isBoardId } from '@samla/shared'
import { useEffect, useState } from 'react'
import { ApiError, getBoard, getClientConfig } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { Board } from './Board.tsx'

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; config: ClientConfig; title: string }
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
    Promise.all([getClientConfig(), getBoard(boardId)]).then(
      ([config, board]) => !cancelled && setLoaded({ kind: 'ready', config, title: board.title }),
      (err: unknown) =>
        !cancelled &&
        setLoaded({ kind: err instanceof ApiError && err.status === 404 ? 'missing' : 'error' }),
    )
    return () => {
      cancelled = true
    }
  }, [boardId, valid])

  if (!valid) return <Notice headingKey="board.invalid.heading" />
  if (loaded.kind === 'missing')
    return <Notice headingKey="board.notFound.heading" bodyKey="board.notFound.body" />
  if (loaded.kind === 'error')
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  if (loaded.kind === 'loading') {
    return (
      <p className="loading" role="status">
        {t('board.loading')}
      </p>
    )
  }
  return (
    <Board boardId={boardId} title={loaded.title} licenseKey={loaded.config.tldrawLicenseKey} />
  )
}
