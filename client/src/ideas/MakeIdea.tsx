import { ideaLabel } from '@samla/shared'
import { useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { makeIdea } from './api.ts'

/** "Gör till idé": the selected notes (or frames) become an idea of the process. */
export function MakeIdea({
  editor,
  meetingId,
  token,
}: {
  editor: Editor
  meetingId: string
  token: string
}) {
  const { t } = useI18n()
  const id = useId()
  const selected = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const make = async () => {
    setBusy(true)
    try {
      const idea = await makeIdea(meetingId, token, selected)
      setStatus({
        ok: true,
        text: t('idea.make.done', { label: ideaLabel(idea.number), title: idea.title }),
      })
    } catch {
      setStatus({ ok: false, text: t('idea.make.error') })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="facilitation-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('idea.make.heading')}</h3>
      <p className="facilitation-help">{t('idea.make.hint')}</p>
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={busy || selected.length === 0}
        onClick={make}
      >
        {t('idea.make.button')}
      </button>
      <p
        className={status && !status.ok ? 'facilitation-help error' : 'facilitation-help'}
        role="status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  )
}
