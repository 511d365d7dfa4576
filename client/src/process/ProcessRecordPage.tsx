import { ideaLabel, type ProcessRecord, processRecordSchema } from '@samla/shared'
import { useEffect, useState } from 'react'
import { request } from '../api.ts'
import { RecordBlueList } from '../blueList/RecordBlueList.tsx'
import { Frame } from '../documentation/DocumentationPage.tsx'
import { RecordHandslagSection } from '../handslag/RecordHandslag.tsx'
import { useI18n } from '../i18n/index.tsx'
import { IdeaHistory } from '../ideas/IdeaHistory.tsx'
import { IdeaPriorities } from '../ideas/IdeaPriorities.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { CrossingItem } from './CrossingItem.tsx'
import { longDate } from './dates.ts'
import '../documentation/documentation.css'
import './process.css'
import '../ideas/ideas.css'

/**
 * The published process record, read-only for anyone with its link: the Kraftsamling, each
 * meeting in timeline order with its documentation, then what was sent between the groups
 * with the answers. Real headings and lists; prints on A4 like a meeting's documentation.
 */
export function ProcessRecordPage({ token }: { token: string }) {
  const { t, language } = useI18n()
  const [record, setRecord] = useState<ProcessRecord | null | 'failed'>(null)
  const base = `/api/published-processes/${encodeURIComponent(token)}`
  useDocumentTitle(record && record !== 'failed' ? record.process.name : t('process.page.title'))
  useEffect(() => {
    request(`${base}/record`).then(
      (body) => setRecord(processRecordSchema.parse(body)),
      () => setRecord('failed'),
    )
  }, [base])

  if (record === 'failed')
    return <Notice headingKey="docs.notFound.heading" bodyKey="docs.notFound.body" />
  if (!record)
    return (
      <p className="loading" role="status">
        {t('docs.loading')}
      </p>
    )
  return (
    <div className="docs">
      <div className="docs__chrome">
        <PageHeader />
      </div>
      <main className="docs__main">
        <article aria-labelledby="record-title">
          <header className="docs__head">
            <p className="docs__meta">{t('process.record.kind')}</p>
            <h1 id="record-title">{record.process.name}</h1>
            {record.process.description && <p>{record.process.description}</p>}
            {record.process.organisers && (
              <p className="docs__meta">
                {t('process.page.organisers', { organisers: record.process.organisers })}
              </p>
            )}
          </header>
          <nav
            className="actions process-record__downloads"
            aria-label={t('process.record.downloads')}
          >
            {(['md', 'html', 'csv', 'json'] as const).map((format) => (
              <a
                key={format}
                className="link"
                href={`${base}/export/${format}?lang=${language}`}
                download
              >
                {t(`process.record.export.${format}`)}
              </a>
            ))}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => window.print()}
            >
              {t('process.record.print')}
            </button>
          </nav>
          {record.meetings.map((meeting) => (
            <section
              key={`${meeting.date}-${meeting.title}`}
              className="docs__phase"
              aria-label={meeting.title}
            >
              <h2>{meeting.title}</h2>
              <p className="docs__meta">
                {longDate(meeting.date, language)} · {t(`meeting.group.${meeting.group}`)} ·{' '}
                {t(`meeting.format.${meeting.format}`)} · {t(`process.status.${meeting.status}`)}
              </p>
              {meeting.phases.length === 0 && <p>{t('process.record.noDocumentation')}</p>}
              {meeting.phases.map((phase) => (
                <section key={phase.pageId} aria-label={phase.name}>
                  <h3>{phase.name}</h3>
                  {phase.frames.map((frame) => (
                    <Frame key={frame.id ?? 'loose'} frame={frame} level={4} />
                  ))}
                </section>
              ))}
            </section>
          ))}
          <section className="docs__phase" aria-labelledby="record-ideas">
            <h2 id="record-ideas">{t('idea.ledger.heading')}</h2>
            {record.ideas.length === 0 && <p>{t('idea.ledger.empty')}</p>}
            {record.ideas.map((idea) => (
              <article
                key={idea.number}
                data-testid="record-idea"
                aria-label={ideaLabel(idea.number)}
              >
                <h3>
                  {ideaLabel(idea.number)} {idea.title}
                </h3>
                <p className="docs__meta">
                  {t(`idea.status.${idea.status}`)} ·{' '}
                  {idea.origin
                    ? `${t(`meeting.group.${idea.origin.group}`)} · ${idea.origin.meetingTitle ?? ''}`
                    : t('idea.origin.deleted')}
                  {idea.ownerOrganisation && ` · ${idea.ownerOrganisation}`}
                </p>
                <IdeaHistory history={idea.history} />
                {idea.priorities.length > 0 && <IdeaPriorities priorities={idea.priorities} />}
              </article>
            ))}
          </section>
          <RecordBlueList items={record.blueList} />
          <RecordHandslagSection handslag={record.handslag} />
          <section className="docs__phase" aria-labelledby="record-crossings">
            <h2 id="record-crossings">{t('process.crossings.heading')}</h2>
            {record.crossings.length === 0 && <p>{t('process.crossings.empty')}</p>}
            <ul className="process-crossings">
              {record.crossings.map((c) => (
                <CrossingItem
                  key={`${c.sentAt}-${c.text}`}
                  testId="record-crossing"
                  from={c.from}
                  to={c.to}
                  sentAt={c.sentAt}
                  text={c.text}
                  answer={c.answer}
                />
              ))}
            </ul>
          </section>
        </article>
      </main>
    </div>
  )
}
