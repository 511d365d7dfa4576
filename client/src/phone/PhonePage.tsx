import { type BoardAccess, isBoardId } from '@samla/shared'
import { type FormEvent, useEffect, useId, useState } from 'react'
import type { TLPageId } from 'tldraw'
import { useValue } from 'tldraw'
import { getBoardAccess, linkToken } from '../api.ts'
import { ParticipantVoting } from '../facilitation/ParticipantVoting.tsx'
import { useI18n } from '../i18n/index.tsx'
import { useMeetingInfo } from '../meeting/MeetingContext.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useSyncedStore } from '../sync/useSyncedStore.ts'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { NOTE_COLOURS, type NoteColour, postNote } from './postNote.ts'
import { usePhoneEditor } from './usePhoneEditor.ts'
import './phone.css'

const NAME_KEY = 'samla.phoneName'

/** A meeting on a phone: the phase, an optional name, a form for a note, the phase's vote. */
export function PhonePage({ boardId }: { boardId: string }) {
  const [access, setAccess] = useState<BoardAccess | null | 'failed'>(null)
  const token = linkToken()
  useEffect(() => {
    if (!isBoardId(boardId)) return setAccess('failed')
    getBoardAccess(boardId, token).then(setAccess, () => setAccess('failed'))
  }, [boardId, token])
  if (access === 'failed' || (access && !access.meeting))
    return <Notice headingKey="board.needsLink.heading" bodyKey="board.needsLink.body" />
  if (!access) return <Loading />
  return <PhoneMeeting boardId={boardId} token={token} access={access} />
}

function Loading() {
  const { t } = useI18n()
  return (
    <p className="loading" role="status">
      {t('phone.loading')}
    </p>
  )
}

function PhoneMeeting({
  boardId,
  token,
  access,
}: {
  boardId: string
  token: string | null
  access: BoardAccess
}) {
  const { t } = useI18n()
  const ids = { name: useId(), text: useId(), hint: useId() }
  const synced = useSyncedStore(boardId, token, {
    readonly: false,
    anonymousDefault: access.meeting?.anonymous ?? null,
  })
  const meeting = useMeetingInfo(access, token, synced.doc)
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const store =
    synced.storeWithStatus.status === 'synced-remote' ? synced.storeWithStatus.store : null
  const editor = usePhoneEditor(store, container)
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '')
  const [text, setText] = useState('')
  const [color, setColor] = useState<NoteColour>('yellow')
  const [status, setStatus] = useState('')
  const title = access.meeting?.title ?? ''
  useDocumentTitle(title)

  const controls = meeting?.controls
  const phaseId = useValue(
    'phase',
    () => controls?.currentPhase ?? editor?.getPages()[0]?.id ?? null,
    [editor, controls?.currentPhase],
  )
  const phaseName = useValue(
    'phase name',
    () => (phaseId ? (editor?.getPage(phaseId as TLPageId)?.name ?? '') : ''),
    [editor, phaseId],
  )
  const anonymous = controls?.anonymous ?? false
  const locked = phaseId !== null && (controls?.lockedPhases.includes(phaseId) ?? false)

  useEffect(() => {
    if (!anonymous && name.trim()) editor?.user.updateUserPreferences({ name: name.trim() })
  }, [editor, name, anonymous])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!editor || !phaseId || !text.trim() || locked) return
    try {
      postNote(editor, phaseId, {
        text: text.trim(),
        color,
        author: anonymous ? null : name.trim() || null,
      })
      setText('')
      setStatus(t('phone.note.posted'))
    } catch {
      setStatus(t('phone.note.failed'))
    }
  }

  if (synced.storeWithStatus.status === 'error')
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  const voting = controls?.voting
  return (
    <main className="page phone" data-connection={synced.connection}>
      <PageHeader />
      <div ref={setContainer} className="phone__editor" aria-hidden="true" />
      <h1>{title}</h1>
      {phaseName && <p className="phone__phase">{t('phone.phase', { phase: phaseName })}</p>}
      {synced.connection === 'offline' && (
        <p role="status" className="small">
          {t('phone.offline')}
        </p>
      )}
      {!editor ? (
        <Loading />
      ) : (
        <section className="card" aria-labelledby="note-heading">
          <h2 id="note-heading">{t('phone.note.heading')}</h2>
          {locked ? (
            <p role="status">{t('phone.note.locked')}</p>
          ) : (
            <form className="form" onSubmit={submit}>
              {anonymous ? (
                <p className="small">{t('phone.anonymous')}</p>
              ) : (
                <>
                  <label htmlFor={ids.name}>{t('phone.name')}</label>
                  <input
                    id={ids.name}
                    value={name}
                    maxLength={60}
                    autoComplete="given-name"
                    aria-describedby={ids.hint}
                    onChange={(e) => {
                      setName(e.target.value)
                      localStorage.setItem(NAME_KEY, e.target.value)
                    }}
                  />
                  <p id={ids.hint} className="small">
                    {t('phone.nameHint')}
                  </p>
                </>
              )}
              <label htmlFor={ids.text}>{t('phone.note.text')}</label>
              <textarea
                id={ids.text}
                className="phone__text"
                required
                rows={4}
                maxLength={500}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <fieldset className="phone__colours">
                <legend>{t('phone.note.color')}</legend>
                {NOTE_COLOURS.map((c) => (
                  <label key={c} className={`phone__colour phone__colour--${c}`}>
                    <input
                      type="radio"
                      name="colour"
                      checked={color === c}
                      onChange={() => setColor(c)}
                    />
                    {t(`phone.color.${c}`)}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="button">
                {t('phone.note.submit')}
              </button>
              <p role="status" className="phone__status">
                {status}
              </p>
            </form>
          )}
        </section>
      )}
      {editor && voting && voting.pageId === phaseId && access.meeting && token && (
        <ParticipantVoting
          editor={editor}
          voting={voting}
          meetingId={access.meeting.id}
          token={token}
        />
      )}
    </main>
  )
}
