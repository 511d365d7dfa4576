import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { createProcess } from './api.ts'
import { loadProcesses, saveProcess } from './savedProcesses.ts'

/** "Ny kraftsamling" on the start page: name, description, organisers; then its page. */
export function ProcessForm() {
  const { t } = useI18n()
  const id = useId()
  const [form, setForm] = useState({ name: '', description: '', organisers: '' })
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [saved] = useState(() => loadProcesses())

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    try {
      const created = await createProcess(form)
      saveProcess({ id: created.process.id, name: created.process.name, link: created.link })
      location.assign(created.link)
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('process.start.heading')}</h2>
      <p>{t('process.start.intro')}</p>
      {saved.length > 0 && (
        <>
          <h3>{t('process.start.mine')}</h3>
          <ul className="process-saved">
            {saved.map((process) => (
              <li key={process.id}>
                <a className="link" href={process.link}>
                  {t('process.start.open', { name: process.name })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        className="form"
        onSubmit={submit}
        aria-describedby={failed ? `${id}-error` : undefined}
      >
        <label htmlFor={`${id}-name`}>{t('process.field.name')}</label>
        <input
          id={`${id}-name`}
          required
          maxLength={200}
          autoComplete="off"
          placeholder={t('process.field.namePlaceholder')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <label htmlFor={`${id}-description`}>{t('process.field.description')}</label>
        <textarea
          id={`${id}-description`}
          maxLength={2000}
          rows={3}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
        <label htmlFor={`${id}-organisers`}>{t('process.field.organisers')}</label>
        <input
          id={`${id}-organisers`}
          maxLength={500}
          autoComplete="off"
          placeholder={t('process.field.organisersPlaceholder')}
          value={form.organisers}
          onChange={(e) => setForm({ ...form, organisers: e.target.value })}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('process.start.create')}
        </button>
        {failed && (
          <p id={`${id}-error`} role="alert" className="error">
            {t('process.start.error')}
          </p>
        )}
      </form>
    </section>
  )
}
