import { IDEA_ENDINGS, type IdeaStatus, ideaLabel } from '@samla/shared'
import { useId, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { listMeetingIdeas, type MeetingIdea, prioritiseIdeas } from './api.ts'
import './prioritise.css'

/**
 * Verkstad 2, "prioritera": the facilitator picks ideas of the process and the server puts
 * them in the current phase as locked notes in a frame "Prioritera idéerna"; the meeting's
 * dot voting (above) then runs over them, and each idea keeps what it got.
 */
export function PrioritiseIdeas({
  editor,
  meetingId,
  token,
  currentPhase,
}: {
  editor: Editor
  meetingId: string
  token: string
  currentPhase: string | null
}) {
  const { t } = useI18n()
  const id = useId()
  const [ideas, setIdeas] = useState<MeetingIdea[] | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const open = async () => {
    if (ideas) return
    try {
      const found = await listMeetingIdeas(meetingId, token)
      setIdeas(found)
      const ended = (s: IdeaStatus) => (IDEA_ENDINGS as readonly string[]).includes(s)
      setChosen(new Set(found.filter((i) => !ended(i.status)).map((i) => i.id)))
    } catch {
      setStatus({ ok: false, text: t('idea.vote.loadFailed') })
    }
  }
  const put = async () => {
    if (!currentPhase) return
    try {
      const { written, alreadyThere, frameId } = await prioritiseIdeas(
        meetingId,
        token,
        [...chosen],
        currentPhase,
      )
      setStatus({ ok: true, text: t('idea.vote.done', { written, alreadyThere }) })
      if (frameId) showWhenThere(editor, frameId as TLShapeId)
    } catch {
      setStatus({ ok: false, text: t('idea.vote.failed') })
    }
  }
  return (
    <details
      className="facilitation-section"
      onToggle={(e) => (e.currentTarget.open ? void open() : undefined)}
    >
      <summary>{t('idea.vote.heading')}</summary>
      <p className="facilitation-help">{t('idea.vote.hint')}</p>
      {ideas && ideas.length === 0 && <p className="facilitation-help">{t('idea.vote.none')}</p>}
      {ideas && ideas.length > 0 && (
        <fieldset className="facilitation-choices">
          <legend className="visually-hidden">{t('idea.vote.choose')}</legend>
          {ideas.map((idea) => (
            <label key={idea.id} htmlFor={`${id}-${idea.id}`} className="facilitation-check">
              <input
                id={`${id}-${idea.id}`}
                type="checkbox"
                checked={chosen.has(idea.id)}
                onChange={(e) => {
                  const next = new Set(chosen)
                  if (e.target.checked) next.add(idea.id)
                  else next.delete(idea.id)
                  setChosen(next)
                }}
              />
              {ideaLabel(idea.number)} {idea.title}
            </label>
          ))}
        </fieldset>
      )}
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={!ideas || chosen.size === 0 || !currentPhase}
        onClick={put}
      >
        {t('idea.vote.put', { count: chosen.size })}
      </button>
      <p
        className={status && !status.ok ? 'facilitation-help error' : 'facilitation-help'}
        role="status"
      >
        {status?.text ?? ''}
      </p>
    </details>
  )
}

/** Moves the camera to the frame once the server's write has reached this page. */
function showWhenThere(editor: Editor, frameId: TLShapeId) {
  const show = () => {
    const bounds = editor.getShapePageBounds(frameId)
    if (!bounds) return false
    editor.zoomToBounds(bounds, { inset: 64, animation: { duration: 300 } })
    return true
  }
  if (show()) return
  const stop = editor.store.listen(() => {
    if (show()) stop()
  })
  // A write that never arrives (the page went offline) stops waiting after a while.
  setTimeout(stop, 15_000)
}
