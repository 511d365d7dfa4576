import { EditRefusal } from '@samla/shared'
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import type { MessageKey } from '../i18n/sv.ts'
import './facilitation.css'

const SHOW_MS = 8_000

/** Refusals a person can make sense of get their own words; the rest a general line. */
const EXPLAINED: ReadonlyMap<string, MessageKey> = new Map([
  [EditRefusal.PhaseLocked, 'facilitation.refused.phase-locked'],
  [EditRefusal.PhaseHidden, 'facilitation.refused.phase-hidden'],
  [EditRefusal.MeetingEnded, 'facilitation.refused.meeting-ended'],
  [EditRefusal.LayoutLocked, 'facilitation.refused.layout-locked'],
  [EditRefusal.Phases, 'facilitation.refused.phases'],
  [EditRefusal.Controls, 'facilitation.refused.meeting-controls'],
  [EditRefusal.TooLarge, 'facilitation.refused.too-large'],
  [EditRefusal.InvalidRecord, 'facilitation.refused.invalid-record'],
])

/**
 * Says, for a few seconds, that an edit was refused by the relay and why (a locked or hidden
 * phase, a locked shape, phases or controls that are the facilitator's, a note too long), and
 * that the board was fetched again: the change the person just made is gone, and this is why.
 * On any board, a meeting's or a plain one.
 */
export function RefusedToast({ refusals, reason }: { refusals: number; reason: string | null }) {
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
          <p>{t(EXPLAINED.get(reason ?? '') ?? 'facilitation.refused.other')}</p>
          <button type="button" onClick={() => setShownFor(0)}>
            {t('facilitation.dismiss')}
          </button>
        </>
      )}
    </div>
  )
}
