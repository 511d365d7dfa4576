import { ideaLabel } from '@samla/shared'
import type { Editor } from 'tldraw'
import { SelectionAction } from '../facilitation/SelectionAction.tsx'
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
  return (
    <SelectionAction
      editor={editor}
      heading={t('idea.make.heading')}
      hint={t('idea.make.hint')}
      button={t('idea.make.button')}
      failed={t('idea.make.error')}
      act={async (shapeIds) => {
        const idea = await makeIdea(meetingId, token, shapeIds)
        return t('idea.make.done', { label: ideaLabel(idea.number), title: idea.title })
      }}
    />
  )
}
