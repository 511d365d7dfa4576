import {
  IDEA_ENDINGS,
  IDEA_PATH,
  type IdeaStatus,
  ideaLabel,
  type MeetingGroup,
} from '@samla/shared'
import { useEffect, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { longDate } from '../process/dates.ts'
import { type IdeaWithCriteria, listIdeas } from './api.ts'
import { ideaLink } from './links.ts'
import { OriginLine } from './OriginLine.tsx'

/** The idea ledger: every idea of the process, the last changed first, filtered by status and group. */
export function IdeaLedger({ processId, token }: { processId: string; token: string }) {
  const { t, language } = useI18n()
  const id = useId()
  const [ideas, setIdeas] = useState<IdeaWithCriteria[] | null>(null)
  const [status, setStatus] = useState<IdeaStatus | ''>('')
  const [group, setGroup] = useState<MeetingGroup | ''>('')
  useEffect(() => {
    listIdeas(processId, token).then(setIdeas, () => setIdeas([]))
  }, [processId, token])
  if (!ideas) return null
  if (ideas.length === 0) return <p>{t('idea.ledger.empty')}</p>
  const shown = ideas.filter(
    (i) => (!status || i.status === status) && (!group || i.origin.group === group),
  )
  return (
    <>
      <div className="idea-filters">
        <label htmlFor={`${id}-status`}>{t('idea.ledger.filterStatus')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as IdeaStatus | '')}
        >
          <option value="">{t('idea.ledger.all')}</option>
          {[...IDEA_PATH, ...IDEA_ENDINGS].map((s) => (
            <option key={s} value={s}>
              {t(`idea.status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-group`}>{t('idea.ledger.filterGroup')}</label>
        <select
          id={`${id}-group`}
          value={group}
          onChange={(e) => setGroup(e.target.value as MeetingGroup | '')}
        >
          <option value="">{t('idea.ledger.all')}</option>
          <option value="kraftsamling">{t('meeting.group.kraftsamling')}</option>
          <option value="demokratilabb">{t('meeting.group.demokratilabb')}</option>
        </select>
      </div>
      <div className="idea-ledger__scroll">
        <table className="idea-ledger">
          <thead>
            <tr>
              <th scope="col">{t('idea.ledger.number')}</th>
              <th scope="col">{t('idea.ledger.title')}</th>
              <th scope="col">{t('idea.ledger.origin')}</th>
              <th scope="col">{t('idea.ledger.status')}</th>
              <th scope="col">{t('idea.ledger.owner')}</th>
              <th scope="col">{t('idea.ledger.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((idea) => (
              <tr key={idea.id} data-testid="idea-row">
                <td>{ideaLabel(idea.number)}</td>
                <td>
                  <a className="link" href={ideaLink(processId, idea.id, token)}>
                    {idea.title}
                  </a>
                </td>
                <td>
                  <OriginLine origin={idea.origin} />
                </td>
                <td>
                  <span className="idea-status">{t(`idea.status.${idea.status}`)}</span>
                </td>
                <td>{idea.ownerOrganisation || '–'}</td>
                <td>{longDate(idea.updatedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
