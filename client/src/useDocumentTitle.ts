import { useEffect } from 'react'
import { useI18n } from './i18n/index.tsx'

/**
 * Names the browser tab after what the page shows ("Samling 2 – Samla"), so that tabs,
 * history and screen readers tell boards apart (WCAG 2.4.2).
 */
export function useDocumentTitle(topic: string | null) {
  const { t } = useI18n()
  const name = t('app.name')
  useEffect(() => {
    document.title = topic ? `${topic} – ${name}` : name
  }, [topic, name])
}
