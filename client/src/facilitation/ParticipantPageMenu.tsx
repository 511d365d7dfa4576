import { useId } from 'react'
import { type TLPageId, useEditor, useValue } from 'tldraw'
import { useI18n } from '../i18n/index.tsx'
import { useMeeting } from '../meeting/MeetingContext.tsx'
import { useVisiblePhases } from './useVisiblePhases.ts'
import './facilitation.css'

/**
 * tldraw's page menu, for someone who may look at phases but not rename, add, remove or
 * reorder them (the relay refuses a participant's page records anyway): a plain list to pick
 * the phase to look at, of the phases the facilitator shows participants (the relay refuses
 * their edits on the others too).
 */
export function ParticipantPageMenu() {
  const editor = useEditor()
  const { t } = useI18n()
  const id = useId()
  const meeting = useMeeting()
  const visible = useVisiblePhases(editor, meeting?.controls ?? null)
  const allPages = useValue('pages', () => editor.getPages(), [editor])
  const pages = allPages.filter((page) => visible.includes(page.id))
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
