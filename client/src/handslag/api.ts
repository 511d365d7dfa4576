import {
  type AddedOrganisation,
  type AddOrganisationRequest,
  addedOrganisationSchema,
  type ConfirmationLink,
  type ConfirmationView,
  type ConfirmRequest,
  type ConfirmResult,
  type CreateHandslagRequest,
  confirmationLinkSchema,
  confirmationViewSchema,
  confirmResultSchema,
  type Handslag,
  handslagSchema,
  type UpdateHandslagRequest,
  type UpdateOrganisationRequest,
} from '@samla/shared'
import { z } from 'zod'
import { bearer, request } from '../api.ts'

/** Client calls for a process's Handslag (the process link) and for confirming one (its own link). */
const path = (processId: string, rest = '') =>
  `/api/processes/${encodeURIComponent(processId)}/handslag${rest}`
const one = (processId: string, id: string, rest = '') =>
  path(processId, `/${encodeURIComponent(id)}${rest}`)
const send = (method: string, token: string, body?: unknown): RequestInit => ({
  method,
  headers: bearer(token),
  body: body === undefined ? undefined : JSON.stringify(body),
})

export async function listHandslag(processId: string, token: string): Promise<Handslag[]> {
  return z.array(handslagSchema).parse(await request(path(processId), send('GET', token)))
}

export async function getHandslag(processId: string, token: string, id: string) {
  return handslagSchema.parse(await request(one(processId, id), send('GET', token)))
}

export async function createHandslag(
  processId: string,
  token: string,
  body: CreateHandslagRequest,
): Promise<Handslag> {
  return handslagSchema.parse(await request(path(processId), send('POST', token, body)))
}

export async function updateHandslag(
  processId: string,
  token: string,
  id: string,
  body: UpdateHandslagRequest,
): Promise<Handslag> {
  return handslagSchema.parse(await request(one(processId, id), send('PATCH', token, body)))
}

export async function deleteHandslag(processId: string, token: string, id: string) {
  await request(one(processId, id), send('DELETE', token))
}

export async function addOrganisation(
  processId: string,
  token: string,
  id: string,
  body: AddOrganisationRequest,
): Promise<AddedOrganisation> {
  return addedOrganisationSchema.parse(
    await request(one(processId, id, '/organisations'), send('POST', token, body)),
  )
}

const organisation = (processId: string, id: string, organisationId: string, rest = '') =>
  one(processId, id, `/organisations/${encodeURIComponent(organisationId)}${rest}`)

export async function updateOrganisation(
  processId: string,
  token: string,
  id: string,
  organisationId: string,
  body: UpdateOrganisationRequest,
): Promise<Handslag> {
  return handslagSchema.parse(
    await request(organisation(processId, id, organisationId), send('PATCH', token, body)),
  )
}

export async function removeOrganisation(
  processId: string,
  token: string,
  id: string,
  organisationId: string,
): Promise<Handslag> {
  return handslagSchema.parse(
    await request(organisation(processId, id, organisationId), send('DELETE', token)),
  )
}

/** A new confirmation link for the organisation; the old one stops working. */
export async function newConfirmationLink(
  processId: string,
  token: string,
  id: string,
  organisationId: string,
): Promise<ConfirmationLink> {
  return confirmationLinkSchema.parse(
    await request(organisation(processId, id, organisationId, '/link'), send('POST', token)),
  )
}

const confirmationPath = (id: string) => `/api/handslag/${encodeURIComponent(id)}/confirmation`

export async function getConfirmation(id: string, token: string): Promise<ConfirmationView> {
  return confirmationViewSchema.parse(await request(confirmationPath(id), send('GET', token)))
}

export async function confirmHandslag(
  id: string,
  token: string,
  body: ConfirmRequest,
): Promise<ConfirmResult> {
  return confirmResultSchema.parse(await request(confirmationPath(id), send('POST', token, body)))
}
