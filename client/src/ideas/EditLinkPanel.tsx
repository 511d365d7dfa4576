import { useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { closeEditLink, openEditLink } from './api.ts'
import { ideaEditLink } from './links.ts'

/**
 * The idea's own link, for writing the idébeskrivning together with people who should not
 * hold the process link (the young people, a partner organisation): it opens the idea and its
 * description, nothing else. Only its hash is stored, so a lost link is replaced, not shown.
 */
export function EditLinkPanel({
  processId,
  token,
  ideaId,
  open,
}: {
  processId: string
  token: string
  ideaId: string
  /** Whether a link is open now (from before this visit: it cannot be shown again). */
  open: boolean
}) {
  const { t } = useI18n()
  const [link, setLink] = useState<string | null>(null)
  const [isOpen, setOpen] = useState(open)
  const [message, setMessage] = useState('')
  const make = async () => {
    const made = await openEditLink(processId, token, ideaId)
    setLink(ideaEditLink(processId, ideaId, made))
    setOpen(true)
    setMessage(t('idea.share.made'))
  }
  const close = async () => {
    await closeEditLink(processId, token, ideaId)
    setLink(null)
    setOpen(false)
    setMessage(t('idea.share.closed'))
  }
  return (
    <div className="stack">
      <p>{t('idea.share.intro')}</p>
      {link && (
        <p className="idea-share__link">
          <label htmlFor="idea-edit-link">{t('idea.share.link')}</label>
          <input id="idea-edit-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              navigator.clipboard.writeText(link).then(() => setMessage(t('idea.share.copied')))
            }
          >
            {t('idea.share.copy')}
          </button>
        </p>
      )}
      {isOpen && !link && <p className="small">{t('idea.share.openBefore')}</p>}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={make}>
          {isOpen ? t('idea.share.replace') : t('idea.share.make')}
        </button>
        {isOpen && (
          <button type="button" className="button button--secondary" onClick={close}>
            {t('idea.share.close')}
          </button>
        )}
      </div>
      <p role="status" className="small">
        {message}
      </p>
    </div>
  )
}
