import type { DocumentationView } from '@samla/shared'
import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { type DocumentationSource, download, setPublished } from './api.ts'

const FORMATS = ['md', 'html', 'csv', 'json'] as const

/** Print, downloads in four formats and, for the facilitator, the public read link. */
export function DocumentationActions({
  source,
  view,
  onChange,
}: {
  source: DocumentationSource
  view: DocumentationView
  onChange: () => void
}) {
  const { t, language } = useI18n()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<unknown>, done = '') => {
    setBusy(true)
    setStatus('')
    try {
      await action()
      setStatus(done)
    } catch {
      setStatus(t('docs.failed'))
    } finally {
      setBusy(false)
    }
  }

  // Publishing again is how changed texts reach the public link; withdrawing ends it.
  const publish = (on: boolean) =>
    source.kind === 'meeting' &&
    run(() => setPublished(source.meetingId, source.token, on).then(onChange))

  return (
    <section className="docs__actions" aria-labelledby="docs-actions">
      <h2 id="docs-actions" className="visually-hidden">
        {t('docs.actions')}
      </h2>
      {source.kind === 'meeting' && (
        <div className="docs__publish">
          {view.publishedUrl ? (
            <>
              <p>{t('docs.published')}</p>
              <p className="docs__url">
                <a href={view.publishedUrl}>{view.publishedUrl}</a>
              </p>
              {view.unpublishedChanges && (
                <p className="docs__unpublished">
                  {t('docs.unpublishedChanges')}{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => publish(true)}
                  >
                    {t('docs.republish')}
                  </button>
                </p>
              )}
              <p className="docs__buttons">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    run(
                      () => navigator.clipboard.writeText(view.publishedUrl ?? ''),
                      t('docs.copied'),
                    )
                  }
                >
                  {t('docs.copy')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => publish(false)}
                >
                  {t('docs.unpublish')}
                </button>
              </p>
            </>
          ) : (
            <>
              <p>{t('docs.notPublished')}</p>
              <p className="docs__buttons">
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => publish(true)}
                >
                  {t('docs.publish')}
                </button>
              </p>
            </>
          )}
        </div>
      )}
      <p className="docs__buttons">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('docs.print')}
        </button>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => run(() => download(source, `${view.exports[format]}?lang=${language}`))}
          >
            {t('docs.download')}: {t(`docs.download.${format}`)}
          </button>
        ))}
      </p>
      <p role="status" className="docs__status">
        {status}
      </p>
    </section>
  )
}
