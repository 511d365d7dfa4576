import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import '../facilitation/facilitation.css'

/**
 * Says that some records on the board could not be read and were left out of the canvas
 * (a board written before the server validated records): the rest of the board works, and
 * the person knows something is missing rather than wondering.
 */
export function SkippedNotice({ skipped }: { skipped: readonly string[] }) {
  const { t } = useI18n()
  const [dismissedAt, setDismissedAt] = useState(0)
  const shown = skipped.length > dismissedAt
  return (
    <div role="status" className={shown ? 'facilitation-toast' : 'visually-hidden'}>
      {shown && (
        <>
          <p>{t('facilitation.skipped', { count: skipped.length })}</p>
          <button type="button" onClick={() => setDismissedAt(skipped.length)}>
            {t('facilitation.dismiss')}
          </button>
        </>
      )}
    </div>
  )
}
