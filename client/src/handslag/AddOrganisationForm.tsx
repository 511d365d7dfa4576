import { type AddedOrganisation, type Handslag, MAX_ORGANISATION_NAME_CHARS } from '@samla/shared'
import { type FormEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { addOrganisation } from './api.ts'

/** A new organisation by name; its commitments and link follow on its card. */
export function AddOrganisationForm({
  processId,
  token,
  handslag,
  onAdded,
  onError,
}: {
  processId: string
  token: string
  handslag: Handslag
  onAdded: (added: AddedOrganisation) => void
  onError: (error: unknown) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [name, setName] = useState('')
  const [done, setDone] = useState('')
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const added = await addOrganisation(processId, token, handslag.id, { name: name.trim() })
      setDone(t('handslag.add.done', { name: name.trim() }))
      setName('')
      onAdded(added)
    } catch (err) {
      onError(err)
    }
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>{t('handslag.org.name')}</label>
      <input
        id={`${id}-name`}
        required
        maxLength={MAX_ORGANISATION_NAME_CHARS}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button">
        {t('handslag.add.submit')}
      </button>
      <p role="status" className="small">
        {done}
      </p>
    </form>
  )
}
