import { blueListLabel } from '@samla/shared'
import type { Editor } from 'tldraw'
import { SelectionAction } from '../facilitation/SelectionAction.tsx'
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
  return (
    <SelectionAction
      editor={editor}
      heading={t('blue.heading')}
      hint={t('blue.board.hint')}
      button={t('blue.board.button')}
      failed={t('blue.board.error')}
      act={async (shapeIds) => {
        const item = await putNotesOnBlueList(meetingId, token, shapeIds)
        const need = item.need.length > 80 ? `${item.need.slice(0, 78)} …` : item.need
        return t('blue.board.done', { label: blueListLabel(item.number), need })
      }}
    />
  )
}
