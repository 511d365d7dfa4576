import { type FormEvent, useEffect, useId, useState } from 'react'
import { ApiError } from '../api.ts'
import { useI18n } from '../i18n/index.tsx'
import type { MessageKey } from '../i18n/sv.ts'
import { join } from '../meeting/api.ts'
import { PageHeader } from '../PageHeader.tsx'
import { useDocumentTitle } from '../useDocumentTitle.ts'
import './phone.css'

/** Where a join code is typed (`/j`) or arrives in a link (`/j/<code>`); leads to the phone page. */
export function JoinPage({ code: given }: { code: string | null }) {
  const { t } = useI18n()
  useDocumentTitle(t('phone.join.heading'))
  const inputId = useId()
  const errorId = useId()
  const [code, setCode] = useState(given ?? '')
  const [error, setError] = useState<MessageKey | null>(null)
  const [busy, setBusy] = useState(false)

  const go = async (value: string) => {
    setBusy(true)
    setError(null)
    try {
      location.assign((await join(value)).phoneLink)
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0
      setError(
        status === 404 || status === 400
          ? 'phone.join.notFound'
          : status === 429
            ? 'phone.join.tooMany'
            : 'phone.join.failed',
      )
      setBusy(false)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: a code in the link is tried once
  useEffect(() => {
    if (given) void go(given)
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void go(code)
  }

  return (
    <main className="page phone">
      <PageHeader />
      <section className="card" aria-labelledby="join-heading">
        <h1 id="join-heading">{t('phone.join.heading')}</h1>
        <form className="form" onSubmit={submit}>
          <label htmlFor={inputId}>{t('phone.join.label')}</label>
          <input
            id={inputId}
            className="phone__code"
            value={code}
            required
            maxLength={12}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('phone.join.submit')}
          </button>
          {error && (
            <p id={errorId} role="alert" className="error">
              {t(error)}
            </p>
          )}
        </form>
      </section>
    </main>
  )
}
