import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { downloadDescription } from './api.ts'

/** The idébeskrivning as a document to send in: Markdown, HTML, or printed to A4 (PDF). */
export function IdeaDownloads({
  processId,
  token,
  ideaId,
}: {
  processId: string
  token: string
  ideaId: string
}) {
  const { t, language } = useI18n()
  const [failed, setFailed] = useState(false)
  const download = (format: 'md' | 'html') =>
    downloadDescription(processId, token, ideaId, format, language).then(
      () => setFailed(false),
      () => setFailed(true),
    )
  return (
    <nav className="actions idea-downloads" aria-label={t('idea.download.heading')}>
      <button type="button" className="button button--secondary" onClick={() => download('md')}>
        {t('idea.download.md')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => download('html')}>
        {t('idea.download.html')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        {t('idea.download.print')}
      </button>
      {failed && (
        <p role="alert" className="error">
          {t('idea.download.failed')}
        </p>
      )}
    </nav>
  )
}
