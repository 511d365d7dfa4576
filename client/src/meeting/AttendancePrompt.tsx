import { type AttendanceRequest, MAX_ORGANISATION_CHARS, SECTORS, type Sector } from '@samla/shared'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { attend, organisationSuggestions, storedAnswer } from './attendance.ts'
import './attendance.css'

/**
 * "Who took part", asked once when a participant joins a Kraftsamling meeting (never an
 * anonymous or Demokratilabb one: the caller does not show it there, and the server would
 * refuse): an optional organisation, with what others in the process typed as suggestions,
 * and an optional sector. Skipping counts the person all the same.
 *
 * On the board it is a dialog over the canvas, which also asks for the name on the cursor;
 * on the phone a card above the note form, folded to one line once answered.
 */
export function AttendancePrompt({
  meetingId,
  token,
  variant,
  name,
}: {
  meetingId: string
  token: string
  variant: 'dialog' | 'card'
  /** The board's name for this person (their cursor and notes), asked beside the organisation. */
  name?: { value: string; onChange: (name: string) => void }
}) {
  const { t } = useI18n()
  const ids = { org: useId(), hint: useId(), sector: useId(), list: useId(), name: useId() }
  const [answer, setAnswer] = useState<AttendanceRequest | null>(() => storedAnswer(meetingId))
  const [editing, setEditing] = useState(answer === null)
  const [organisation, setOrganisation] = useState(answer?.organisation ?? '')
  const [sector, setSector] = useState<Sector | ''>(answer?.sector ?? '')
  const [personName, setPersonName] = useState(name?.value ?? '')
  const [suggestions, setSuggestions] = useState<string[]>([])
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  // On the board the question waits in a small banner until the person opens it: a modal
  // over the canvas the moment one arrives would stop them from looking first.
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    if (!editing) return
    let cancelled = false
    organisationSuggestions(meetingId, token).then(
      (found) => !cancelled && setSuggestions(found),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [editing, meetingId, token])

  useEffect(() => {
    const element = dialog.current
    if (variant === 'dialog' && editing && open && element && !element.open) element.showModal()
  }, [variant, editing, open])

  const save = async (said: AttendanceRequest) => {
    setBusy(true)
    setFailed(false)
    try {
      await attend(meetingId, token, said)
      if (name && personName.trim()) name.onChange(personName.trim())
      setAnswer(said)
      setEditing(false)
      setOpen(false)
      dialog.current?.close()
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save({ organisation: organisation.trim() || null, sector: sector || null })
  }
  const skip = () => void save({ organisation: null, sector: null })

  if (!editing) {
    if (variant === 'dialog' || !answer) return null
    return (
      <p className="attendance__summary small">
        {answer.organisation
          ? t('attendance.summary', { organisation: answer.organisation })
          : t('attendance.summaryNone')}{' '}
        <button type="button" className="attendance__change" onClick={() => setEditing(true)}>
          {t('attendance.change')}
        </button>
      </p>
    )
  }

  const form = (
    <form className="form attendance__form" onSubmit={submit}>
      <h2 id={`${ids.org}-heading`}>{t('attendance.heading')}</h2>
      <p className="small">{t('attendance.intro')}</p>
      {name && (
        <>
          <label htmlFor={ids.name}>{t('attendance.name')}</label>
          <input
            id={ids.name}
            value={personName}
            maxLength={60}
            autoComplete="name"
            onChange={(e) => setPersonName(e.target.value)}
          />
        </>
      )}
      <label htmlFor={ids.org}>{t('attendance.organisation')}</label>
      <input
        id={ids.org}
        list={ids.list}
        value={organisation}
        maxLength={MAX_ORGANISATION_CHARS}
        autoComplete="organization"
        aria-describedby={ids.hint}
        onChange={(e) => setOrganisation(e.target.value)}
      />
      <datalist id={ids.list}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p id={ids.hint} className="small">
        {t('attendance.organisationHint')}
      </p>
      <label htmlFor={ids.sector}>{t('attendance.sector')}</label>
      <select
        id={ids.sector}
        value={sector}
        onChange={(e) => setSector(e.target.value as Sector | '')}
      >
        <option value="">{t('attendance.sector.none')}</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {t(`attendance.sector.${s}`)}
          </option>
        ))}
      </select>
      {failed && (
        <p role="alert" className="attendance__error">
          {t('attendance.failed')}
        </p>
      )}
      <div className="attendance__buttons">
        <button type="submit" className="button" disabled={busy}>
          {t('attendance.save')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={skip}>
          {t('attendance.skip')}
        </button>
      </div>
    </form>
  )
  if (variant === 'card')
    return (
      <section className="card attendance" aria-labelledby={`${ids.org}-heading`}>
        {form}
      </section>
    )
  if (!open)
    return (
      <section className="attendance-banner" aria-label={t('attendance.heading')}>
        <p>{t('attendance.banner')}</p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('attendance.answer')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={skip}>
          {t('attendance.notNow')}
        </button>
      </section>
    )
  return (
    <dialog
      ref={dialog}
      className="attendance attendance--dialog"
      aria-labelledby={`${ids.org}-heading`}
      // Escape goes back to the banner, asking nothing.
      onCancel={(e) => {
        e.preventDefault()
        dialog.current?.close()
        setOpen(false)
      }}
    >
      {form}
    </dialog>
  )
}
