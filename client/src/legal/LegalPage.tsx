import type { ReactNode } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import { useDeployment } from './useDeployment.ts'
import './legal.css'

/** The frame both legal pages share: the heading, the organisation and how to reach it. */
export function LegalPage({
  titleKey,
  children,
}: {
  titleKey: 'legal.a11y.title' | 'legal.privacy.title'
  children: (organisation: string, contact: ReactNode, retentionDays: number | null) => ReactNode
}) {
  const { t } = useI18n()
  useDocumentTitle(t(titleKey))
  const config = useDeployment()
  if (config === null)
    return (
      <p className="loading" role="status">
        …
      </p>
    )
  const known = config === 'failed' ? null : config
  const organisation = known?.organisation.name ?? t('legal.organisation.unknown')
  const contact = known?.organisation.contact ? (
    <p>{t('legal.contact.line', { contact: known.organisation.contact })}</p>
  ) : (
    <p>{t('legal.contact.unknown')}</p>
  )
  return (
    <main className="page stack legal-page">
      <PageHeader />
      <h1>{t(titleKey)}</h1>
      {children(organisation, contact, known?.retentionDays ?? null)}
    </main>
  )
}
