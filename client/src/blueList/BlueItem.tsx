import {
  BLUE_LIST_STATUSES,
  type BlueListItem,
  type BlueListStatus,
  blueListLabel,
  isBlueListTransition,
  MAX_BLUE_COMMENT_CHARS,
  MAX_NEED_CHARS,
  MAX_RAISED_TO_CHARS,
} from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'
import { changeBlueListStatus, deleteBlueListItem, updateBlueListItem } from './api.ts'
import { LastChange, NeedText, SourceLine } from './SourceLine.tsx'

type Message = { ok: boolean; text: string } | null

/**
 * One need on Blå listan: its number, the need, where it came from, to whom it is raised,
 * its status and last change; behind "Ändra B-1" the need and addressee, the status with a
 * public comment, and removing it.
 */
export function BlueItem({
  processId,
  token,
  item,
  onChanged,
  onDeleted,
}: {
  processId: string
  token: string
  item: BlueListItem
  onChanged: (item: BlueListItem) => void
  onDeleted: () => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const label = blueListLabel(item.number)
  return (
    <li className="blue-item" data-testid="blue-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="blue-item__title">
        {label}{' '}
        <span className={`blue-status blue-status--${item.status}`}>
          {t(`blue.status.${item.status}`)}
        </span>
      </h3>
      <NeedText need={item.need} />
      <dl className="blue-item__facts">
        <div>
          <dt>{t('blue.source')}</dt>
          <dd>
            <SourceLine source={item.source} />
          </dd>
        </div>
        <div>
          <dt>{t('blue.raisedTo')}</dt>
          <dd>{item.raisedTo || t('blue.raisedTo.nobody')}</dd>
        </div>
        <div>
          <dt>{t('blue.lastChange')}</dt>
          <dd>
            <LastChange event={item.history.at(-1)} date={(iso) => longDate(iso, language)} />
          </dd>
        </div>
      </dl>
      {item.source.kind === 'note' && item.source.text && item.source.text !== item.need && (
        <p className="small blue-item__note">
          {t('blue.source.noteText', { text: item.source.text })}
        </p>
      )}
      <details className="blue-item__edit">
        <summary>{t('blue.edit.open', { label })}</summary>
        <div className="blue-item__forms">
          <EditForm processId={processId} token={token} item={item} onChanged={onChanged} />
          <StatusForm processId={processId} token={token} item={item} onChanged={onChanged} />
        </div>
        <DeleteButton processId={processId} token={token} item={item} onDeleted={onDeleted} />
      </details>
    </li>
  )
}

type FormProps = {
  processId: string
  token: string
  item: BlueListItem
  onChanged: (item: BlueListItem) => void
}

function EditForm({ processId, token, item, onChanged }: FormProps) {
  const { t } = useI18n()
  const id = useId()
  const [need, setNeed] = useState(item.need)
  const [raisedTo, setRaisedTo] = useState(item.raisedTo)
  const [message, setMessage] = useState<Message>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    try {
      // Only what changed: a need left as the notes' text stays theirs (erased with them).
      const changed = await updateBlueListItem(processId, token, item.id, {
        ...(need.trim() !== item.need ? { need: need.trim() } : {}),
        ...(raisedTo.trim() !== item.raisedTo ? { raisedTo: raisedTo.trim() } : {}),
      })
      setMessage({ ok: true, text: t('blue.edit.saved') })
      onChanged(changed)
    } catch {
      setMessage({ ok: false, text: t('blue.edit.error') })
    }
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-need`}>{t('blue.need')}</label>
      <textarea
        id={`${id}-need`}
        required
        rows={3}
        maxLength={MAX_NEED_CHARS}
        value={need}
        onChange={(e) => setNeed(e.target.value)}
      />
      <label htmlFor={`${id}-raised`}>{t('blue.raisedTo')}</label>
      <input
        id={`${id}-raised`}
        maxLength={MAX_RAISED_TO_CHARS}
        value={raisedTo}
        onChange={(e) => setRaisedTo(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={!need.trim()}>
        {t('blue.edit.save')}
      </button>
      <p role="status" className={message && !message.ok ? 'error' : 'small'}>
        {message?.text ?? ''}
      </p>
    </form>
  )
}

function StatusForm({ processId, token, item, onChanged }: FormProps) {
  const { t } = useI18n()
  const id = useId()
  const next = (from: BlueListStatus) =>
    BLUE_LIST_STATUSES.filter((s) => isBlueListTransition(from, s))
  const [to, setTo] = useState<BlueListStatus>(next(item.status)[0] ?? 'ny')
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<Message>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    try {
      const changed = await changeBlueListStatus(processId, token, item.id, to, comment.trim())
      setComment('')
      setTo(next(changed.status)[0] ?? 'ny')
      setMessage({
        ok: true,
        text: t('blue.status.changed', { status: t(`blue.status.${changed.status}`) }),
      })
      onChanged(changed)
    } catch {
      setMessage({ ok: false, text: t('blue.status.error') })
    }
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-to`}>{t('blue.status.to')}</label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as BlueListStatus)}>
        {next(item.status).map((s) => (
          <option key={s} value={s}>
            {t(`blue.status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-comment`}>{t('blue.status.comment')}</label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={MAX_BLUE_COMMENT_CHARS}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="button">
        {t('blue.status.change')}
      </button>
      <p role="status" className={message && !message.ok ? 'error' : 'small'}>
        {message?.text ?? ''}
      </p>
    </form>
  )
}

function DeleteButton({
  processId,
  token,
  item,
  onDeleted,
}: Omit<FormProps, 'onChanged'> & { onDeleted: () => void }) {
  const { t } = useI18n()
  const [failed, setFailed] = useState(false)
  const label = blueListLabel(item.number)
  const remove = async () => {
    if (!window.confirm(t('blue.delete.confirm', { label }))) return
    try {
      await deleteBlueListItem(processId, token, item.id)
      onDeleted()
    } catch {
      setFailed(true)
    }
  }
  return (
    <>
      <button type="button" className="button button--danger" onClick={remove}>
        {t('blue.delete', { label })}
      </button>
      {failed && (
        <p role="alert" className="error">
          {t('blue.delete.error')}
        </p>
      )}
    </>
  )
}
