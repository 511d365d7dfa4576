import { isSafeLink, type LiveAttendance, type RecordTexts } from '@samla/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { getAttendance, getRecordTexts, saveRecordTexts } from './api.ts'

/** Quiet this long after the last keystroke before the draft goes to the server. */
const SAVE_AFTER_MS = 600

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'invalid'

/** A link row still being filled in (no address yet) is kept on the page, not saved. */
const savable = (draft: RecordTexts): RecordTexts | null => {
  const links = draft.links.filter((l) => l.url.trim() !== '')
  if (links.some((l) => !isSafeLink(l.url.trim()))) return null
  return { ...draft, links: links.map((l) => ({ ...l, url: l.url.trim() })) }
}

/**
 * The facilitator's draft of the record's own texts: loaded once, then the page's own state,
 * saved a moment after each change (no save button, as in a shared document). A draft with
 * an address that is not http(s) or mailto is not sent: the server would refuse all of it.
 */
export function useRecordDraft(meetingId: string, token: string, onSaved: () => void) {
  const [draft, setDraft] = useState<RecordTexts | null>(null)
  const [attendance, setAttendance] = useState<LiveAttendance | null>(null)
  const [state, setState] = useState<SaveState>('idle')
  const pending = useRef<RecordTexts | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const savedRef = useRef(onSaved)
  savedRef.current = onSaved

  useEffect(() => {
    let cancelled = false
    getRecordTexts(meetingId, token).then(
      (view) => !cancelled && setDraft(view.draft),
      () => !cancelled && setState('failed'),
    )
    getAttendance(meetingId, token).then(
      (found) => !cancelled && setAttendance(found),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, token])

  const flush = useCallback(async () => {
    clearTimeout(timer.current)
    const next = pending.current
    pending.current = null
    if (!next) return
    setState('saving')
    try {
      await saveRecordTexts(meetingId, token, next)
      // Typed on meanwhile: that save reports.
      if (!pending.current) setState('saved')
      savedRef.current()
    } catch {
      setState('failed')
    }
  }, [meetingId, token])

  // Whatever was typed last goes when the page is left.
  useEffect(() => () => void flush(), [flush])

  const update = useCallback(
    (next: RecordTexts) => {
      setDraft(next)
      const toSave = savable(next)
      clearTimeout(timer.current)
      if (!toSave) {
        pending.current = null
        setState('invalid')
        return
      }
      pending.current = toSave
      setState('saving')
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS)
    },
    [flush],
  )

  return { draft, attendance, state, update }
}
