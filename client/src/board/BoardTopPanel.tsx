import { createContext, useContext } from 'react'
import { MeetingStatus } from '../facilitation/MeetingStatus.tsx'
import { useI18n } from '../i18n/index.tsx'
import { LanguageSwitch } from '../LanguageSwitch.tsx'
import type { ConnectionState } from '../sync/useSyncedStore.ts'
import { useDocumentTitle } from '../useDocumentTitle.ts'

/** What the top panel shows; a context because tldraw's slots take components without props. */
export const BoardInfoContext = createContext<{
  title: string
  connection: ConnectionState
  /** Shows the board as a list (list/BoardList.tsx); absent where nobody writes (the projector). */
  openList?: () => void
}>({
  title: '',
  connection: 'connecting',
})

/** Board name, the meeting's phase and timer, connection state and language, in tldraw's top panel slot. */
export function BoardTopPanel() {
  const { title, connection, openList } = useContext(BoardInfoContext)
  const { t } = useI18n()
  // Here rather than in Board: only while the canvas shows, so a notice keeps its own title.
  useDocumentTitle(title || t('board.untitled'))
  return (
    <div className="topbar">
      {/* Every page has its heading; an untitled board's is for screen readers only. The full
          name shows on hover when a long one is cut short. */}
      <h1 className={title ? 'topbar__title' : 'visually-hidden'} title={title || undefined}>
        {title || t('board.untitled')}
      </h1>
      {/* On a meeting's board: its phase and timer (renders nothing on a plain board). */}
      <MeetingStatus />
      <p
        className={`status status--${connection}`}
        role="status"
        aria-live="polite"
        data-connection={connection}
      >
        <span className="status__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('status.label')}: </span>
        {t(`status.${connection}`)}
        {/* Edits live only in this page until the relay is back: say so, beside the state. */}
        {connection === 'offline' && (
          <span className="status__hint">{t('status.offlineHint')}</span>
        )}
      </p>
      {openList && (
        <button type="button" className="topbar__list" onClick={openList}>
          {t('list.open')}
        </button>
      )}
      <LanguageSwitch />
    </div>
  )
}
