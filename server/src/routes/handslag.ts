import {
  addOrganisationRequest,
  BOARD_ID_PATTERN,
  CONFIRMATION_LINK_KEY,
  type ConfirmResult,
  confirmRequest,
  createHandslagRequest,
  HANDSLAG_PATH_PREFIX,
  updateHandslagRequest,
  updateOrganisationRequest,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { bearerToken } from '../access/bearer.ts'
import { type ProcessEnv, requireProcessLink } from '../access/processAccess.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { param, params } from '../http/params.ts'
import { checkMeeting, confirmationView, resolveInitiatives, written } from '../process/handslag.ts'
import type { SamlaStore } from '../storage/store.ts'

export interface HandslagRouteDeps {
  store: SamlaStore
  publicUrl: string | undefined
}

const randomId = z.string().regex(BOARD_ID_PATTERN)
const handslagId = param(randomId, 404, 'handslag_not_found', 'No such Handslag in this process')
const organisationId = param(
  randomId,
  404,
  'organisation_not_found',
  'No such organisation in this Handslag',
)
const ofHandslag = params({ handslagId })
const ofOrganisation = params({ handslagId, organisationId })
const confirmationId = params({
  id: param(randomId, 400, 'invalid_handslag_id', 'That is not a valid Handslag id'),
})

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'The organisation’s confirmation link is needed')

/**
 * Handslag (seed 004): the process link makes and edits the work plan and its organisations
 * until it is signed; each organisation confirms with its own link, which the process-link
 * holder is shown when the organisation is added (or its link made anew) and which the
 * server keeps as a hash only.
 */
export function handslagRoutes({ store, publicUrl }: HandslagRouteDeps) {
  const processLink = requireProcessLink(store.processes)
  const origin = (c: Context) => publicUrl ?? new URL(c.req.url).origin
  const link = (c: Context, id: string, token: string) =>
    `${origin(c)}${HANDSLAG_PATH_PREFIX}${id}#${CONFIRMATION_LINK_KEY}=${token}`
  const found = async (processId: string, id: string) => {
    const handslag = await store.handslag.get(processId, id)
    if (!handslag) throw new ApiError(404, 'handslag_not_found', 'No such Handslag in this process')
    return handslag
  }

  const editing = new Hono<ProcessEnv>()
    .get('/processes/:id/handslag', processLink, async (c) =>
      c.json(await store.handslag.list(c.var.process.id)),
    )
    .post('/processes/:id/handslag', processLink, async (c) => {
      const body = await readJson(c, createHandslagRequest)
      const processId = c.var.process.id
      await checkMeeting(store, processId, body.meetingId)
      const initiatives = await resolveInitiatives(store, processId, body.initiatives)
      const made = await store.handslag.create({ ...body, processId, initiatives })
      if (!made)
        throw new ApiError(409, 'too_many_handslag', 'The process has the most Handslag it may')
      return c.json(made, 201)
    })
    .get('/processes/:id/handslag/:handslagId', ofHandslag, processLink, async (c) =>
      c.json(await found(c.var.process.id, c.req.valid('param').handslagId)),
    )
    .patch('/processes/:id/handslag/:handslagId', ofHandslag, processLink, async (c) => {
      const { initiatives, ...body } = await readJson(c, updateHandslagRequest)
      const processId = c.var.process.id
      await checkMeeting(store, processId, body.meetingId)
      const changes = initiatives
        ? { ...body, initiatives: await resolveInitiatives(store, processId, initiatives) }
        : body
      return c.json(
        written(await store.handslag.update(processId, c.req.valid('param').handslagId, changes)),
      )
    })
    .delete('/processes/:id/handslag/:handslagId', ofHandslag, processLink, async (c) => {
      written(await store.handslag.delete(c.var.process.id, c.req.valid('param').handslagId))
      return c.body(null, 204)
    })
    .post(
      '/processes/:id/handslag/:handslagId/organisations',
      ofHandslag,
      processLink,
      async (c) => {
        const body = await readJson(c, addOrganisationRequest)
        const id = c.req.valid('param').handslagId
        const added = written(await store.handslag.addOrganisation(c.var.process.id, id, body))
        return c.json(
          {
            handslag: added.handslag,
            confirmationLink: {
              organisationId: added.organisationId,
              link: link(c, id, added.token),
            },
          },
          201,
        )
      },
    )
    .patch(
      '/processes/:id/handslag/:handslagId/organisations/:organisationId',
      ofOrganisation,
      processLink,
      async (c) => {
        const body = await readJson(c, updateOrganisationRequest)
        const { handslagId: id, organisationId: org } = c.req.valid('param')
        return c.json(
          written(await store.handslag.updateOrganisation(c.var.process.id, id, org, body)),
        )
      },
    )
    .delete(
      '/processes/:id/handslag/:handslagId/organisations/:organisationId',
      ofOrganisation,
      processLink,
      async (c) => {
        const { handslagId: id, organisationId: org } = c.req.valid('param')
        return c.json(written(await store.handslag.removeOrganisation(c.var.process.id, id, org)))
      },
    )
    .post(
      '/processes/:id/handslag/:handslagId/organisations/:organisationId/link',
      ofOrganisation,
      processLink,
      async (c) => {
        const { handslagId: id, organisationId: org } = c.req.valid('param')
        const token = written(await store.handslag.rotate(c.var.process.id, id, org))
        return c.json({ organisationId: org, link: link(c, id, token) })
      },
    )

  // The organisation's own link: a wrong token, or a link of another Handslag, is a 401 alike.
  const confirming = new Hono()
    .get('/handslag/:id/confirmation', confirmationId, async (c) => {
      const token = bearerToken(c)
      const mine = token ? await store.handslag.byToken(c.req.valid('param').id, token) : null
      if (!mine) throw unauthorized()
      c.header('Cache-Control', 'no-store')
      return c.json(await confirmationView(store, mine.handslag, mine.organisationId))
    })
    .post('/handslag/:id/confirmation', confirmationId, async (c) => {
      const token = bearerToken(c)
      if (!token) throw unauthorized()
      const { revision, ...who } = await readJson(c, confirmRequest)
      const outcome = await store.handslag.confirm(c.req.valid('param').id, token, who, revision)
      if (!outcome.ok && outcome.reason === 'unauthorized') throw unauthorized()
      if (!outcome.ok && outcome.reason === 'already_confirmed')
        throw new ApiError(409, 'already_confirmed', 'This organisation has confirmed already')
      if (!outcome.ok)
        throw new ApiError(
          409,
          'commitments_changed',
          'The commitments changed since the page was loaded; read them again',
        )
      return c.json({
        confirmation: outcome.confirmation,
        signed: outcome.signed,
      } satisfies ConfirmResult)
    })

  return editing.route('/', confirming)
}
