import { useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { deleteMeeting } from '../meeting/api.ts'
import type { SavedMeeting } from './savedMeetings.ts'

/**
 * Asks before a meeting is erased on the server, saying that it cannot be undone, what goes
 * with it, and where to go instead to only forget it here. Cancel has the focus: Enter on a
 * dialog that opened by surprise must not erase anything.
 */
export function DeleteMeetingDialog({
  meeting,
  onDeleted,
  onClose,
}: {
  meeting: SavedMeeting
  onDeleted: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    dialog.current?.showModal()
    // After showModal, which focuses the first button (React's autoFocus is not the attribute).
    cancel.current?.focus()
  }, [])

  const erase = async () => {
    setBusy(true)
    setFailed(false)
    const token = new URL(meeting.links.facilitator).hash.replace('#k=', '')
    try {
      await deleteMeeting(meeting.id, token)
    } catch (error) {
      // Already gone on the server (its link rotated or erased elsewhere): it leaves the list.
      // Any other failure keeps it, with its key: the meeting is still there.
      if (!(error instanceof ApiError && (error.status === 401 || error.status === 404))) {
        setFailed(true)
        setBusy(false)
        return
      }
    }
    onDeleted()
  }

  return (
    <dialog
      ref={dialog}
      className="start-delete"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-permanent`}
      onClose={onClose}
    >
      <h2 id={`${id}-heading`}>
        <WarningIcon />
        {t('start.delete.heading', { title: meeting.title })}
      </h2>
      <p id={`${id}-permanent`} className="start-delete__permanent">
        {t('start.delete.permanent')}
      </p>
      <ul>
        <li>{t('start.delete.board')}</li>
        <li>{t('start.delete.docs')}</li>
        <li>{t('start.delete.links')}</li>
      </ul>
      <p className="small">{t('start.delete.instead')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('start.delete.failed')}
        </p>
      )}
      <p className="actions">
        <button
          type="button"
          className="button start-delete__confirm"
          disabled={busy}
          onClick={erase}
        >
          <WarningIcon />
          {t('start.delete.confirm')}
        </button>
        <button
          type="button"
          ref={cancel}
          className="button button--secondary"
          onClick={() => dialog.current?.close()}
        >
          {t('start.delete.cancel')}
        </button>
      </p>
    </dialog>
  )
}

/** A warning triangle, drawn inline. */
export function WarningIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3 2 20h20L12 3zm0 6v5m0 3v.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
