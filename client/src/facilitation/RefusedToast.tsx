import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import './facilitation.css'

const SHOW_MS = 8_000

/**
 * Says, for a few seconds, that an edit was refused by the relay (a locked phase) and that
 * the board was fetched again: the change the person just made is gone, and this is why.
 */
export function RefusedToast({ refusals }: { refusals: number }) {
  const { t } = useI18n()
  const [shownFor, setShownFor] = useState(0)
  useEffect(() => {
    if (refusals === 0) return
    setShownFor(refusals)
    const timer = setTimeout(() => setShownFor(0), SHOW_MS)
    return () => clearTimeout(timer)
  }, [refusals])

  // The live region stays in the page so that screen readers announce what appears in it.
  return (
    <div role="alert" className={shownFor ? 'facilitation-toast' : 'visually-hidden'}>
      {shownFor > 0 && (
        <>
          <p>{t('facilitation.refused')}</p>
          <button type="button" onClick={() => setShownFor(0)}>
            {t('facilitation.dismiss')}
          </button>
        </>
      )}
    </div>
  )
}
