import {
  DESCRIPTION_TEXT_FIELDS,
  descriptionFromDocument,
  IDEA_ACTORS_MAP,
  type IdeaDescription,
  type IdeaDocumentInfo,
} from '@samla/shared'
import { useEffect, useId, useRef } from 'react'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/index.tsx'
import { ActorsEditor } from './ActorsEditor.tsx'
import { CollaborativeField } from './CollaborativeField.tsx'
import { useIdeaDocument } from './useIdeaDocument.ts'
import { usePresence } from './usePresence.ts'

/**
 * The idébeskrivning in the template's fields (seed 003), written by everyone who has it open
 * at once and saved as they type (it is a Yjs document: shared/src/ideaDocument.ts). The
 * actors taking part follow the target group, as in the template.
 */
export function DescriptionEditor({
  info,
  token,
  onDescription,
}: {
  info: IdeaDocumentInfo
  token: string
  /** The description as it stands after every change, anyone's (for the criteria, the print). */
  onDescription: (description: IdeaDescription) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const { doc, provider, status, synced, refusals } = useIdeaDocument(info, token)
  const { others, focus } = usePresence(provider)
  const closed = status === 'revoked' || status === 'gone'
  const readOnly = !synced || closed
  useDescription(synced ? doc : null, onDescription)

  return (
    <div className="form idea-editor">
      <p role="status" className={closed || refusals > 0 ? 'error' : 'small'}>
        {closed
          ? t(`idea.live.${status}`)
          : refusals > 0
            ? t('idea.live.refused')
            : t(`idea.live.${synced ? status : 'connecting'}`)}
        {others.length > 0 && !closed ? ` ${t('idea.live.others', { count: others.length })}` : ''}
      </p>
      {DESCRIPTION_TEXT_FIELDS.map((name) => (
        <div key={name} className="stack">
          <CollaborativeField
            id={`${id}-${name}`}
            doc={synced ? doc : null}
            field={name}
            label={t(`idea.field.${name}`)}
            othersHere={others.filter((o) => o.field === name).length}
            readOnly={readOnly}
            onFocus={focus}
          />
          {name === 'malgrupp' && (
            <ActorsEditor id={`${id}-actors`} doc={synced ? doc : null} readOnly={readOnly} />
          )}
        </div>
      ))}
    </div>
  )
}

/** Reads the description from the document now and after each change. */
function useDescription(doc: Y.Doc | null, onDescription: (d: IdeaDescription) => void) {
  const latest = useRef(onDescription)
  latest.current = onDescription
  useEffect(() => {
    if (!doc) return
    const read = () =>
      latest.current(
        descriptionFromDocument({
          text: (root) => doc.getText(root).toString(),
          actors: () => doc.getMap(IDEA_ACTORS_MAP).entries(),
        }),
      )
    read()
    doc.on('update', read)
    return () => doc.off('update', read)
  }, [doc])
}
