import { type BoardAccess, DEFAULT_CONTROLS } from '@samla/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import { computed, type Editor, type TLComponents, type TLUiOverrides, Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import { FacilitatorPanel } from '../facilitation/FacilitatorPanel.tsx'
import { useKeepFitted } from '../facilitation/fitIfFresh.ts'
import { ParticipantPageMenu } from '../facilitation/ParticipantPageMenu.tsx'
import { ParticipantVoting } from '../facilitation/ParticipantVoting.tsx'
import { RefusedToast } from '../facilitation/RefusedToast.tsx'
import { useFacilitatorBoard } from '../facilitation/useFacilitatorBoard.ts'
import { useFollowMeeting, useOnLockedPhase } from '../facilitation/useFollowMeeting.ts'
import { useI18n } from '../i18n/index.tsx'
import { BoardList } from '../list/BoardList.tsx'
import { readOwnNotes, trackOwnNotes } from '../list/ownNotes.ts'
import { useBoardContent } from '../list/useBoardContent.ts'
import { AttendancePrompt } from '../meeting/AttendancePrompt.tsx'
import { MeetingContext, useMeetingInfo } from '../meeting/MeetingContext.tsx'
import { Notice } from '../Notice.tsx'
import { AnswerContext, AnswerDialog, type AnswerRequest } from '../process/AnswerDialog.tsx'
import { NoteThreads } from '../process/NoteThreads.tsx'
import { bindPresence } from '../sync/presence.ts'
import { useSyncedStore } from '../sync/useSyncedStore.ts'
import { BoardInfoContext, BoardTopPanel } from './BoardTopPanel.tsx'
import { useHiddenPhaseGuard } from './hiddenPhaseGuard.ts'
import { guardLayoutLock } from './layoutLock.ts'
import { stampNewNotes } from './noteOrigin.ts'
import { limitNoteText } from './noteTextLimit.ts'
import { SkippedNotice } from './SkippedNotice.tsx'

// Fonts, icons and translations come from this server, never from tldraw's CDN.
const assetUrls = getAssetUrlsByImport()
// Stable across renders: tldraw remounts a slot whose component changes.
// Notes that crossed between a process's groups carry their provenance and answers beneath.
const components: TLComponents = { TopPanel: BoardTopPanel, InFrontOfTheCanvas: NoteThreads }
// A participant looks at every phase but leaves renaming, adding and ordering them to the
// facilitator: a read-only list instead of tldraw's page menu.
const participantComponents: TLComponents = { ...components, PageMenu: ParticipantPageMenu }
// Nor may they make a page through the context menu's "Move to → New page".
const participantOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const { 'move-to-new-page': _newPage, ...rest } = actions
    return rest
  },
}

declare global {
  interface Window {
    /** Read-only handles for end-to-end tests. */
    __samla?: { editor: Editor; doc: unknown; provider: unknown }
  }
}

export function Board({
  boardId,
  title,
  licenseKey,
  maxNoteChars,
  token,
  access,
}: {
  boardId: string
  title: string
  licenseKey: string | null
  /** Longest text the relay takes in one shape. */
  maxNoteChars: number
  /** The meeting link's capability token, sent to the relay. */
  token: string | null
  /** What this link may do; a projector's edits are dropped by the server, so none are offered. */
  access: BoardAccess
}) {
  const readonly = access.role === 'projector'
  const { t, language } = useI18n()
  // Read-only while a participant is on a locked phase; known only once the canvas is up.
  const [paused, setPaused] = useState(false)
  // A participant's notes are written privately while the facilitator has that on.
  const privateWriter = useMemo(
    () =>
      access.role === 'participant' && access.meeting && token
        ? { meetingId: access.meeting.id, token }
        : null,
    [access.role, access.meeting, token],
  )
  const synced = useSyncedStore(boardId, token, {
    readonly,
    paused,
    anonymousDefault: access.meeting ? access.meeting.anonymous : null,
    privateWriter,
  })
  const meeting = useMeetingInfo(access, token, synced.doc)
  const [editor, setEditor] = useState<Editor | null>(null)
  // A refused edit starts over with a new document, store and canvas: forget the old editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the doc's identity is the signal
  useEffect(() => setEditor(null), [synced.doc])

  const onLockedPhase = useOnLockedPhase(editor, meeting)
  useEffect(() => setPaused(onLockedPhase), [onLockedPhase])
  useFollowMeeting(editor, meeting)
  useKeepFitted(editor)
  useHiddenPhaseGuard(editor, meeting)
  useFacilitatorBoard(editor, meeting)

  useEffect(() => {
    editor?.user.updateUserPreferences({ locale: language })
  }, [editor, language])

  useEffect(
    () => (editor ? limitNoteText(editor, maxNoteChars) : undefined),
    [editor, maxNoteChars],
  )
  // A meeting's notes say when and (unless anonymous) by whom, for its documentation.
  const inMeeting = access.meeting !== null
  useEffect(
    () => (editor && inMeeting ? stampNewNotes(editor, synced.anonymous) : undefined),
    [editor, inMeeting, synced.anonymous],
  )
  // What the relay would refuse a participant, their canvas does not offer.
  const participant = access.role === 'participant'
  useEffect(
    () => (editor && participant ? guardLayoutLock(editor) : undefined),
    [editor, participant],
  )

  // The facilitator is "Anna (processledare)" in everyone's people menu and on their cursor.
  const facilitatorMark = access.role === 'facilitator' ? t('facilitation.facilitatorMark') : null
  const nameMark = useMemo(
    () => (facilitatorMark ? computed('name mark', () => facilitatorMark) : null),
    [facilitatorMark],
  )
  // In an anonymous meeting every cursor carries the same neutral label.
  const anonymousName = useMemo(() => {
    const label = t('facilitation.anonymousName')
    return computed('anonymous name', () => (synced.anonymous.get() ? label : null))
  }, [synced.anonymous, t])
  useEffect(() => {
    if (!editor || !synced.provider) return
    return bindPresence(editor, synced.provider.awareness, {
      visible: !readonly,
      anonymousName,
      nameMark,
    })
  }, [editor, synced.provider, readonly, anonymousName, nameMark])

  useEffect(() => {
    if (!editor) return
    if (!editor.user.getName()) {
      editor.user.updateUserPreferences({
        name: `${t('user.guest')} ${10 + Math.floor(Math.random() * 90)}`,
      })
    }
    // tldraw names a new board's first page in English whatever the locale.
    const pages = editor.getPages()
    const [first] = pages
    if (pages.length === 1 && first?.name === 'Page 1' && !editor.getIsReadonly()) {
      editor.renamePage(first.id, t('board.firstPage'))
    }
    window.__samla = { editor, doc: synced.doc, provider: synced.provider }
  }, [editor, synced.doc, synced.provider, t])

  // The list view: the board without the canvas (list/), for keyboards and screen readers.
  const [listOpen, setListOpen] = useState(false)
  const [mine, setMine] = useState(() => readOwnNotes(boardId))
  useEffect(() => (editor ? trackOwnNotes(editor, boardId, setMine) : undefined), [editor, boardId])
  const listControls = meeting?.controls ?? DEFAULT_CONTROLS
  const content = useBoardContent(listOpen ? (editor?.store ?? null) : null, listControls)
  const openList = useMemo(() => (readonly ? undefined : () => setListOpen(true)), [readonly])
  const info = useMemo(
    () => ({ title, connection: synced.connection, openList }),
    [title, synced.connection, openList],
  )
  // The name made up above ("Gäst 42") is not offered back as if the person had typed it.
  const guestName = useMemo(() => new RegExp(`^${t('user.guest')} \\d+$`), [t])
  const [answering, setAnswering] = useState<AnswerRequest | null>(null)

  if (synced.closed === 'revoked')
    return <Notice headingKey="facilitation.revoked.heading" bodyKey="facilitation.revoked.body" />
  if (synced.closed === 'gone')
    return <Notice headingKey="facilitation.gone.heading" bodyKey="facilitation.gone.body" />
  if (synced.incompatible)
    return <Notice headingKey="board.newerSchema.heading" bodyKey="board.newerSchema.body" reload />
  if (synced.storeWithStatus.status === 'error') {
    return <Notice headingKey="board.error.heading" bodyKey="board.error.body" reload />
  }
  // Until the first sync there is nothing to draw; say why if the relay cannot be reached,
  // rather than leave tldraw's spinner turning without a word.
  if (synced.storeWithStatus.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t(synced.connection === 'offline' ? 'board.waitingForServer' : 'board.loading')}
      </p>
    )
  }
  const canvas = (
    <Tldraw
      store={synced.storeWithStatus}
      licenseKey={licenseKey ?? undefined}
      assetUrls={assetUrls}
      components={access.role === 'participant' ? participantComponents : components}
      overrides={access.role === 'participant' ? participantOverrides : undefined}
      onMount={setEditor}
    />
  )
  const list =
    editor && listOpen && access.role !== 'projector' ? (
      <BoardList
        editor={editor}
        content={content}
        controls={listControls}
        role={access.role}
        mine={mine}
        meetingId={access.meeting?.id ?? null}
        token={token}
        onClose={() => setListOpen(false)}
      />
    ) : null
  const layer = (
    <>
      {!readonly && (
        <button type="button" className="skip-link" onClick={() => setListOpen(true)}>
          {t('list.skip')}
        </button>
      )}
      {access.role === 'facilitator' && (
        // A button, not a link to #facilitation-heading: the link's token lives in the hash.
        <button
          type="button"
          className="skip-link"
          onClick={() => document.getElementById('facilitation-heading')?.focus()}
        >
          {t('facilitation.skip')}
        </button>
      )}
      <div className="board__canvas-layer" inert={listOpen || undefined}>
        {canvas}
      </div>
      {list}
    </>
  )
  const notices = (
    <div className="board-notices">
      <RefusedToast refusals={synced.refusals} reason={synced.lastRefusal} />
      <SkippedNotice skipped={synced.skipped} />
    </div>
  )
  if (!meeting) {
    return (
      <BoardInfoContext.Provider value={info}>
        <div className="board">
          {layer}
          {notices}
        </div>
      </BoardInfoContext.Provider>
    )
  }
  return (
    <BoardInfoContext.Provider value={info}>
      <MeetingContext.Provider value={meeting}>
        <AnswerContext.Provider value={setAnswering}>
          <div className="board facilitation-board">
            <div className="facilitation-board__canvas">
              {layer}
              {notices}
              {editor &&
                access.role === 'participant' &&
                token &&
                meeting.access.meeting?.group === 'kraftsamling' &&
                !meeting.controls.anonymous && (
                  <AttendancePrompt
                    meetingId={meeting.access.meeting.id}
                    token={token}
                    variant="dialog"
                    name={{
                      value: guestName.test(editor.user.getName()) ? '' : editor.user.getName(),
                      onChange: (name) => editor.user.updateUserPreferences({ name }),
                    }}
                  />
                )}
            </div>
            {editor && meeting.actions && (
              <FacilitatorPanel editor={editor} meeting={meeting} actions={meeting.actions} />
            )}
            {/* In the list view the list carries the vote, under each note. */}
            {editor &&
              !listOpen &&
              access.role === 'participant' &&
              meeting.controls.voting &&
              token && (
                <ParticipantVoting
                  editor={editor}
                  voting={meeting.controls.voting}
                  meetingId={meeting.access.meeting?.id ?? ''}
                  token={token}
                />
              )}
            {answering && token && meeting.access.meeting && (
              <AnswerDialog
                meetingId={meeting.access.meeting.id}
                token={token}
                crossingId={answering.crossingId}
                noteText={answering.noteText}
                initial={answering.initial}
                onClose={() => setAnswering(null)}
              />
            )}
          </div>
        </AnswerContext.Provider>
      </MeetingContext.Provider>
    </BoardInfoContext.Provider>
  )
}
