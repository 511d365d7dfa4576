import { type Feedback, ideaLabel } from '@samla/shared'
import { useEffect, useState } from 'react'
import { linkToken } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import { Notice } from '../Notice.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { getFeedback } from './api.ts'
import { longDate } from './dates.ts'
import './process.css'

/**
 * The youth group's page: what they sent to the Kraftsamling and how it was answered, newest
 * first. Opened with any of the Demokratilabb meeting's links (the QR code on the wall
 * included), read-only, made for a phone.
 */
export function FeedbackPage({ meetingId }: { meetingId: string }) {
  const { t, language } = useI18n()
  const [feedback, setFeedback] = useState<Feedback | null | 'failed'>(null)
  useDocumentTitle(t('process.feedback.title'))
  useEffect(() => {
    getFeedback(meetingId, linkToken() ?? '').then(setFeedback, () => setFeedback('failed'))
  }, [meetingId])

  if (feedback === 'failed') return <Notice headingKey="process.feedback.needsLink" />
  if (!feedback)
    return (
      <p className="loading" role="status">
        {t('process.page.loading')}
      </p>
    )
  return (
    <main className="page">
      <PageHeader />
      <p className="small">{feedback.processName}</p>
      <h1>{t('process.feedback.heading')}</h1>
      {feedback.ideas.length > 0 && (
        <section aria-labelledby="feedback-ideas">
          <h2 id="feedback-ideas">{t('idea.feedback.heading')}</h2>
          <ul className="feedback-list">
            {feedback.ideas.map((idea) => (
              <li key={idea.number} className="feedback-item" data-testid="feedback-idea">
                <p className="feedback-item__text">{idea.title}</p>
                <p>
                  <strong>
                    {t('idea.feedback.now', {
                      label: ideaLabel(idea.number),
                      status: t(`idea.status.${idea.status}`),
                    })}
                  </strong>
                </p>
                {idea.history.at(-1)?.reason && (
                  <p className="feedback-item__answer">{idea.history.at(-1)?.reason}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {feedback.items.length === 0 ? (
        <p>{t('process.feedback.empty')}</p>
      ) : (
        <ul className="feedback-list">
          {feedback.items.map((item) => (
            <li key={item.id} className="feedback-item" data-testid="feedback-item">
              <h2>{t('process.feedback.you')}</h2>
              <p className="feedback-item__text">{item.text}</p>
              <p className="small">
                {t('process.feedback.sent', {
                  title: item.toTitle,
                  date: longDate(item.sentAt, language),
                })}
              </p>
              {item.answer ? (
                <>
                  <h2>{t('process.feedback.answer')}</h2>
                  <p className="feedback-item__answer">{item.answer.text}</p>
                </>
              ) : (
                <p>{t('process.feedback.waiting')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
