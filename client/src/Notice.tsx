import { useI18n } from './i18n/index.tsx'
import type { MessageKey } from './i18n/sv.ts'
import { PageHeader } from './PageHeader.tsx'
import { useDocumentTitle } from './useDocumentTitle.ts'

/** A full-page message (unknown board, error, reload needed) with a way onwards. */
export function Notice({
  headingKey,
  bodyKey,
  reload,
}: {
  headingKey: MessageKey
  bodyKey?: MessageKey
  reload?: boolean
}) {
  const { t } = useI18n()
  useDocumentTitle(t(headingKey))
  return (
    <main className="page">
      <PageHeader />
      <section className="card" aria-labelledby="notice-heading">
        <h1 id="notice-heading">{t(headingKey)}</h1>
        {bodyKey && <p>{t(bodyKey)}</p>}
        <p className="actions">
          {reload && (
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('board.reload')}
            </button>
          )}
          <a className="link" href="/">
            {t('board.backToStart')}
          </a>
        </p>
      </section>
    </main>
  )
}
