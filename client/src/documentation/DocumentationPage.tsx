import {
  correctedAttendance,
  type DocumentationView,
  type DocumentedFrame,
  type DocumentedNote,
  noteSwatch,
} from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { type DocumentationSource, fetchBlobUrl, getDocumentation } from './api.ts'
import { DocumentationActions } from './DocumentationActions.tsx'
import { RecordHeadEditor } from './RecordHeadEditor.tsx'
import { RecordHead, RecordTail } from './RecordParts.tsx'
import { RecordTailEditor } from './RecordTailEditor.tsx'
import { SnapshotsPanel } from './SnapshotsPanel.tsx'
import { StaleNotice } from './StaleNotice.tsx'
import { type SaveState, useRecordDraft } from './useRecordDraft.ts'
import { VotingRounds } from './VotingRounds.tsx'
import './documentation.css'

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; view: DocumentationView }
  | { kind: 'failed'; status: number }

/**
 * A meeting's record: per phase a picture of the canvas and every note grouped by the frame
 * (the question) it was written in. Real headings and lists for screen readers; prints on A4.
 * The facilitator (meeting link) also publishes it and manages snapshots.
 */
export function DocumentationPage({ source }: { source: DocumentationSource }) {
  const { t } = useI18n()
  const [state, setState] = useState<State>({ kind: 'loading' })
  const title =
    state.kind === 'ready' ? `${state.view.meeting.title} – ${t('docs.title')}` : t('docs.title')
  useDocumentTitle(title)

  const load = useCallback(() => {
    getDocumentation(source).then(
      (view) => setState({ kind: 'ready', view }),
      (err: unknown) =>
        setState({ kind: 'failed', status: err instanceof ApiError ? err.status : 0 }),
    )
  }, [source])
  useEffect(load, [load])

  if (state.kind === 'failed') {
    if (state.status === 404)
      return <Notice headingKey="docs.notFound.heading" bodyKey="docs.notFound.body" />
    if (state.status === 401)
      return <Notice headingKey="docs.needsLink.heading" bodyKey="docs.needsLink.body" />
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  }
  if (state.kind === 'loading')
    return (
      <p className="loading" role="status">
        {t('docs.loading')}
      </p>
    )
  const { view } = state
  const editing = source.kind === 'meeting' ? source : null
  const body = <Body view={view} source={source} />
  return (
    <div className="docs">
      <div className="docs__chrome">
        <PageHeader />
      </div>
      <main className="docs__main">
        <article aria-labelledby="docs-title">
          <header className="docs__head">
            <h1 id="docs-title">{view.meeting.title}</h1>
            <MeetingLine view={view} />
            <SourceLine view={view} />
            <StaleNotice source={source} view={view} onTaken={load} />
            {view.anonymous && <p className="docs__meta">{t('docs.anonymous')}</p>}
          </header>
          <DocumentationActions source={source} view={view} onChange={load} />
          {editing ? (
            <EditableRecord meetingId={editing.meetingId} token={editing.token} onSaved={load}>
              {body}
            </EditableRecord>
          ) : (
            <>
              <RecordHead texts={view.record.texts} attendance={view.record.attendance} />
              {body}
              <RecordTail texts={view.record.texts} />
            </>
          )}
        </article>
        {source.kind === 'meeting' && <SnapshotsPanel source={source} onChange={load} />}
      </main>
    </div>
  )
}

/**
 * The facilitator's page: the organisers' parts are edited in place, where they stand in the
 * record; on paper the same parts print as readers see them.
 */
function EditableRecord({
  meetingId,
  token,
  onSaved,
  children,
}: {
  meetingId: string
  token: string
  onSaved: () => void
  children: React.ReactNode
}) {
  const { draft, attendance, state, update } = useRecordDraft(meetingId, token, onSaved)
  if (!draft) return <>{children}</>
  const shown = correctedAttendance(
    attendance?.counted ?? { count: 0, organisations: [], sectors: [] },
    draft,
  )
  return (
    <>
      <RecordHeadEditor draft={draft} attendance={attendance} onChange={update} />
      <div className="docs__print-only">
        <RecordHead texts={draft} attendance={shown} />
      </div>
      {children}
      <RecordTailEditor draft={draft} onChange={update} />
      <div className="docs__print-only">
        <RecordTail texts={draft} />
      </div>
      <SaveStatus state={state} />
    </>
  )
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useI18n()
  const text = state === 'idle' ? '' : t(`docs.record.state.${state}` as 'docs.record.state.saved')
  return (
    <p role="status" className={`docs__save docs__save--${state}`}>
      {text}
    </p>
  )
}

function Body({ view, source }: { view: DocumentationView; source: DocumentationSource }) {
  const { t } = useI18n()
  return (
    <>
      {view.content.phases.length === 0 && <p>{t('docs.noPhases')}</p>}
      {view.content.phases.map((phase) => (
        <section
          key={phase.pageId}
          className="docs__phase"
          aria-labelledby={`phase-${phase.pageId}`}
        >
          <h2 id={`phase-${phase.pageId}`}>{phase.name}</h2>
          <PhasePicture
            source={source}
            path={view.images.find((i) => i.pageId === phase.pageId)?.path ?? null}
            alt={t('docs.picture', { phase: phase.name })}
          />
          {phase.frames.length === 0 && <p>{t('docs.noNotes')}</p>}
          {phase.frames.map((frame) => (
            <Frame key={frame.id ?? 'loose'} frame={frame} />
          ))}
        </section>
      ))}
      <VotingRounds rounds={view.votingRounds} />
    </>
  )
}

function MeetingLine({ view }: { view: DocumentationView }) {
  const { t, language } = useI18n()
  const date = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
  }).format(new Date(`${view.meeting.date}T12:00:00`))
  return (
    <p className="docs__meta">
      {t(`meeting.group.${view.meeting.group}`)} · {t(`meeting.format.${view.meeting.format}`)} ·{' '}
      {date}
    </p>
  )
}

function SourceLine({ view }: { view: DocumentationView }) {
  const { t, language } = useI18n()
  if (!view.source) return <p className="docs__meta">{t('docs.source.live')}</p>
  const time = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(view.source.takenAt))
  return (
    <p className="docs__meta">
      {t('docs.source.snapshot', { time })}
      {view.source.label && ` – ${view.source.label}`}
    </p>
  )
}

/** A phase's picture; the facilitator's is fetched with the token, a published one is public. */
function PhasePicture({
  source,
  path,
  alt,
}: {
  source: DocumentationSource
  path: string | null
  alt: string
}) {
  const [url, setUrl] = useState<string | null>(source.kind === 'published' ? path : null)
  useEffect(() => {
    if (!path || source.kind === 'published') return
    let revoked = false
    let created: string | null = null
    fetchBlobUrl(source, path).then(
      (blobUrl) => {
        created = blobUrl
        if (!revoked) setUrl(blobUrl)
      },
      () => setUrl(null),
    )
    return () => {
      revoked = true
      if (created) URL.revokeObjectURL(created)
    }
  }, [source, path])
  if (!path || !url) return null
  return (
    <figure className="docs__picture">
      <img src={url} alt={alt} />
    </figure>
  )
}

/** A question (frame) with its notes; its heading one level under its phase's. */
export function Frame({ frame, level = 3 }: { frame: DocumentedFrame; level?: 3 | 4 }) {
  const { t } = useI18n()
  const Heading = level === 3 ? 'h3' : 'h4'
  const title =
    frame.kind === 'loose'
      ? t('docs.loose')
      : frame.name || (frame.kind === 'inbox' ? t('docs.inbox') : '–')
  return (
    <>
      <Heading>{title}</Heading>
      {frame.notes.length === 0 ? (
        <p className="docs__meta">{t('docs.noNotes')}</p>
      ) : (
        <ul className="docs__notes">
          {frame.notes.map((note) => (
            <Note key={note.id} note={note} />
          ))}
        </ul>
      )}
    </>
  )
}

function Note({ note }: { note: DocumentedNote }) {
  const { t } = useI18n()
  const details: string[] = []
  if (note.votes !== null && note.votes > 0)
    details.push(note.votes === 1 ? t('docs.votes.one') : t('docs.votes.many', { n: note.votes }))
  if (note.author) details.push(t('docs.by', { name: note.author }))
  return (
    <li className="docs__note" style={{ '--note': noteSwatch(note.color) } as React.CSSProperties}>
      <span className="docs__text">{note.text}</span>
      {details.length > 0 && <span className="docs__details">{details.join(' · ')}</span>}
    </li>
  )
}
