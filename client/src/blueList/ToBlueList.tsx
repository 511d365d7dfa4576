import { blueListLabel } from '@samla/shared'
import { useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { putNotesOnBlueList } from './api.ts'

/** "Till Blå listan": the selected notes (or frames) become one need on the process's Blå listan. */
export function ToBlueList({
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
  const put = async () => {
    setBusy(true)
    try {
      const item = await putNotesOnBlueList(meetingId, token, selected)
      const need = item.need.length > 80 ? `${item.need.slice(0, 78)} …` : item.need
      setStatus({
        ok: true,
        text: t('blue.board.done', { label: blueListLabel(item.number), need }),
      })
    } catch {
      setStatus({ ok: false, text: t('blue.board.error') })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="facilitation-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('blue.heading')}</h3>
      <p className="facilitation-help">{t('blue.board.hint')}</p>
      <button
        type="button"
        className="facilitation-button facilitation-wide"
        disabled={busy || selected.length === 0}
        onClick={put}
      >
        {t('blue.board.button')}
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
