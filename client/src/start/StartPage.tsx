import { BOARD_PATH_PREFIX } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { createBoard } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { ProcessForm } from '../process/ProcessForm.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { MeetingForm } from './MeetingForm.tsx'
import { MyMeetings } from './MyMeetings.tsx'
import { loadMeetings } from './savedMeetings.ts'
import './start.css'

export function StartPage() {
  const { t } = useI18n()
  useDocumentTitle(null)
  const titleId = useId()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [meetings, setMeetings] = useState(() => loadMeetings())

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    try {
      const board = await createBoard(title)
      location.assign(`${BOARD_PATH_PREFIX}${board.id}`)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <main className="page stack">
      <PageHeader />
      <div>
        <h1 id="start-heading">{t('start.heading')}</h1>
        <p className="lead">{t('app.tagline')}</p>
      </div>
      <section className="card" aria-labelledby="meeting-heading">
        <h2 id="meeting-heading">{t('start.meeting.heading')}</h2>
        <p>{t('start.meeting.intro')}</p>
        <MeetingForm onCreated={setMeetings} />
      </section>
      <MyMeetings meetings={meetings} onChange={setMeetings} />
      <ProcessForm />
      <section className="card" aria-labelledby="board-heading">
        <h2 id="board-heading">{t('start.board.heading')}</h2>
        <p>{t('start.intro')}</p>
        <form onSubmit={onSubmit} className="form">
          <label htmlFor={titleId}>{t('start.titleLabel')}</label>
          <input
            id={titleId}
            name="title"
            type="text"
            maxLength={200}
            autoComplete="off"
            placeholder={t('start.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('start.creating') : t('start.create')}
          </button>
          {failed && (
            <p role="alert" className="error">
              {t('start.error')}
            </p>
          )}
        </form>
        <p className="small">{t('start.privacy')}</p>
      </section>
    </main>
  )
}
