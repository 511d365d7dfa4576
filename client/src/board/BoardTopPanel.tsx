import { createContext, useContext } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { LanguageSwitch } from '../LanguageSwitch.tsx'
import type { ConnectionState } from '../sync/useSyncedStore.ts'

/** What the top panel shows; a context because tldraw's slots take components without props. */
export const BoardInfoContext = createContext<{ title: string; connection: ConnectionState }>({
  title: '',
  connection: 'connecting',
})

/** Board name, connection state and language, in tldraw's top panel slot. */
export function BoardTopPanel() {
  const { title, connection } = useContext(BoardInfoContext)
  const { t } = useI18n()
  return (
    <div className="topbar">
      {title && <h1 className="topbar__title">{title}</h1>}
      <p
        className={`status status--${connection}`}
        role="status"
        aria-live="polite"
        data-connection={connection}
      >
        <span className="status__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('status.label')}: </span>
        {t(`status.${connection}`)}
      </p>
      <LanguageSwitch />
    </div>
  )
}
