import { type Controls, privateProofOf } from '@samla/shared'
import { useState } from 'react'
import { type Editor, type TLPageId, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { revealPrivateWriting, startPrivateWriting } from '../meeting/api.ts'

/**
 * "Skriv enskilt" in the facilitator's panel: on for the current phase, then "Visa alla lappar".
 * The count is of the blank cards on the board, which is all anyone's browser has of them.
 */
export function PrivateWritingSection({
  editor,
  meetingId,
  token,
  controls,
}: {
  editor: Editor
  meetingId: string
  token: string
  controls: Controls
}) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const phaseId = controls.privateWriting ?? controls.currentPhase
  const phaseName = useValue(
    'private phase name',
    () => (phaseId ? (editor.getPage(phaseId as TLPageId)?.name ?? '') : ''),
    [editor, phaseId],
  )
  const cards = useValue(
    'private cards',
    () =>
      controls.privateWriting
        ? [...editor.getPageShapeIds(controls.privateWriting as TLPageId)].filter(
            (id) => privateProofOf(editor.getShape(id)) !== null,
          ).length
        : 0,
    [editor, controls.privateWriting],
  )
  const act = async (work: () => Promise<string>) => {
    setBusy(true)
    try {
      setStatus(await work())
    } catch {
      setStatus(t('privateWriting.failed'))
    } finally {
      setBusy(false)
    }
  }
  const on = controls.privateWriting !== null
  const start = () =>
    phaseId &&
    void act(async () => {
      await startPrivateWriting(meetingId, token, phaseId)
      return ''
    })
  const reveal = () =>
    void act(async () =>
      t('privateWriting.revealed', { n: await revealPrivateWriting(meetingId, token) }),
    )

  return (
    <section className="facilitation-section" aria-labelledby="facilitation-private">
      <h3 id="facilitation-private">{t('privateWriting.heading')}</h3>
      {on ? (
        <p data-testid="private-writing-on">
          <strong>
            {cards === 1
              ? t('privateWriting.onOne', { phase: phaseName })
              : t('privateWriting.on', { phase: phaseName, n: cards })}
          </strong>{' '}
          {t('privateWriting.ownNotesHint')}
        </p>
      ) : (
        <p className="facilitation-help">{t('privateWriting.help')}</p>
      )}
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={busy || controls.ended || (!on && !phaseId)}
        onClick={on ? reveal : start}
      >
        {on ? t('privateWriting.reveal') : t('privateWriting.start', { phase: phaseName })}
      </button>
      <p className="facilitation-help" role="status">
        {!on && !phaseId ? t('privateWriting.noPhase') : status}
      </p>
    </section>
  )
}
