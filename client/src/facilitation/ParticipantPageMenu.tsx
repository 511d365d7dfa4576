import { useId } from 'react'
import { type TLPageId, useEditor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import './facilitation.css'

/**
 * tldraw's page menu, for someone who may look at every phase but not rename, add, remove or
 * reorder them (the relay refuses a participant's page records anyway): a plain list to pick
 * the phase to look at.
 */
export function ParticipantPageMenu() {
  const editor = useEditor()
  const { t } = useI18n()
  const id = useId()
  const pages = useValue('pages', () => editor.getPages(), [editor])
  const currentId = useValue('current page', () => editor.getCurrentPageId(), [editor])
  return (
    <div className="facilitation-pages">
      <label className="visually-hidden" htmlFor={id}>
        {t('facilitation.pages.label')}
      </label>
      <select
        id={id}
        className="facilitation-pages__select"
        value={currentId}
        onChange={(e) => editor.setCurrentPage(e.target.value as TLPageId)}
      >
        {pages.map((page) => (
          <option key={page.id} value={page.id}>
            {page.name}
          </option>
        ))}
      </select>
    </div>
  )
}
