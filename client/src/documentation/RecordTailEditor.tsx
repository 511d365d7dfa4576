import { isSafeLink, MAX_RECORD_LINKS, type RecordTexts } from '@samla/shared'
import { useId } from 'react'
import { useI18n } from '../i18n/index.tsx'

/** The record's tail as the facilitator writes it: closing words, and tips with links. */
export function RecordTailEditor({
  draft,
  onChange,
}: {
  draft: RecordTexts
  onChange: (next: RecordTexts) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const links = draft.links
  const setLink = (index: number, changes: Partial<RecordTexts['links'][number]>) =>
    onChange({
      ...draft,
      links: links.map((link, i) => (i === index ? { ...link, ...changes } : link)),
    })

  return (
    <div className="docs__editor">
      <label className="docs__field docs__field-heading" htmlFor={`${id}-closing`}>
        {t('docs.record.closing')}
      </label>
      <textarea
        id={`${id}-closing`}
        className="docs__input docs__input--long"
        value={draft.closing}
        maxLength={5000}
        onChange={(e) => onChange({ ...draft, closing: e.target.value })}
      />
      <fieldset className="docs__links-editor">
        <legend>{t('docs.record.links')}</legend>
        {links.map((link, index) => {
          const row = `${id}-link-${index}`
          const bad = link.url.trim() !== '' && !isSafeLink(link.url.trim())
          return (
            // Rows have no identity but their place while they are being written.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div key={index} className="docs__link-row">
              <label className="docs__field" htmlFor={`${row}-title`}>
                {t('docs.record.linkTitle')}
              </label>
              <input
                id={`${row}-title`}
                className="docs__input"
                value={link.title}
                maxLength={300}
                onChange={(e) => setLink(index, { title: e.target.value })}
              />
              <label className="docs__field" htmlFor={`${row}-url`}>
                {t('docs.record.linkUrl')}
              </label>
              <input
                id={`${row}-url`}
                className="docs__input"
                type="url"
                inputMode="url"
                value={link.url}
                maxLength={2000}
                aria-invalid={bad}
                aria-describedby={bad ? `${row}-error` : undefined}
                onChange={(e) => setLink(index, { url: e.target.value })}
              />
              {bad && (
                <p id={`${row}-error`} className="docs__error" role="alert">
                  {t('docs.record.badLink')}
                </p>
              )}
              <label className="docs__field" htmlFor={`${row}-about`}>
                {t('docs.record.linkDescription')}
              </label>
              <input
                id={`${row}-about`}
                className="docs__input"
                value={link.description}
                maxLength={1000}
                onChange={(e) => setLink(index, { description: e.target.value })}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange({ ...draft, links: links.filter((_, i) => i !== index) })}
              >
                {t('docs.record.removeLink', { n: index + 1 })}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          className="button button--secondary"
          disabled={links.length >= MAX_RECORD_LINKS}
          onClick={() =>
            onChange({ ...draft, links: [...links, { title: '', url: '', description: '' }] })
          }
        >
          {t('docs.record.addLink')}
        </button>
      </fieldset>
    </div>
  )
}
