import fs from 'node:fs'
import {
  CloseCode,
  EditRefusal,
  type ErrorBody,
  IDEA_ACTORS_MAP,
  type Idea,
  type IdeaDocumentInfo,
  MAX_IDEA_FIELD_CHARS,
} from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, useAttackFixture } from './attacks/fixture.ts'
import { updateFrame } from './frames.ts'
import { closeCodeOf, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'

/**
 * The idébeskrivning as a Yjs document: written by several people at once through stock
 * y-websocket providers (the process link and the idea's own co-editing link), read back by
 * the API, its criteria and its exports; everything else a hostile link holder sends over a
 * raw socket is refused with 4409 and stored nowhere.
 */
const { server: startServer, stock, raw } = useAttackFixture()

type IdeaWithCriteria = Idea & { criteria: Array<{ kind: string; field?: string }> }

async function ideaWithDocument(s: TestServer) {
  const process = await createProcess(s.url)
  const traff = await process.addMeeting({ title: 'Träff 1', group: 'demokratilabb' })
  const board = stock(s, traff.boardId, process.token)
  await board.synced
  layOutWithInbox(board.doc, [{ id: 'shape:idea', text: 'Lugna rum på rasterna' }])
  await waitForDoc(board.doc, () => board.doc.getMap('records').has('shape:idea'))
  for (;;) {
    if ((await storedDoc(s, traff.boardId)).getMap('records').has('shape:idea')) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const made = await meetingCall(s.url, traff.meeting.id)('/ideas', process.token, {
    method: 'POST',
    body: JSON.stringify({ shapeIds: ['shape:idea'] }),
  })
  const idea = (await made.json()) as IdeaWithCriteria
  const call = (path: string, init: RequestInit = {}, token = process.token) =>
    process.call(`/ideas/${idea.id}${path}`, init, token)
  const info = (await (await call('/document')).json()) as IdeaDocumentInfo
  const read = async (token = process.token) =>
    (await (await call('', {}, token)).json()) as IdeaWithCriteria
  return { process, traff, idea, call, info, read }
}

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error?.code]

describe('the idébeskrivning, written by several people at once', () => {
  it('two people type into it at once (the process link and the idea’s own link): both see both, and the API, the criteria and the downloads follow', async () => {
    const s = await startServer()
    const { call, info, read, idea, process } = await ideaWithDocument(s)
    expect(info).toMatchObject({ access: 'process', editLinkOpen: false })
    expect(info.wsPath).toBe(`/ws/${info.documentId}`)
    const opened = await call('/edit-link', { method: 'POST' })
    expect(opened.status).toBe(201)
    const { token: editToken } = (await opened.json()) as { token: string }
    expect((await call('/document')).status).toBe(200)
    expect(((await (await call('/document')).json()) as IdeaDocumentInfo).editLinkOpen).toBe(true)

    const anna = stock(s, info.documentId, process.token)
    const youth = stock(s, info.documentId, editToken)
    await Promise.all([anna.synced, youth.synced])
    // The same field at once, each from the start, and two different fields.
    anna.doc.getText('syfte').insert(0, 'Lugnare raster. ')
    youth.doc.getText('syfte').insert(0, 'Fler vuxna ute. ')
    anna.doc.getText('bakgrund').insert(0, 'Rasterna är stökiga.')
    youth.doc.getMap(IDEA_ACTORS_MAP).set('a1', {
      organisation: 'Karlskrona kommun',
      sector: 'kommun',
      order: 1,
    })
    anna.doc.getMap(IDEA_ACTORS_MAP).set('b1', {
      organisation: 'Region Blekinge',
      sector: 'region',
      order: 2,
    })
    const both = (doc: Y.Doc) =>
      doc.getText('syfte').length === 32 && doc.getMap(IDEA_ACTORS_MAP).size === 2
    await Promise.all([
      waitForDoc(anna.doc, () => both(anna.doc)),
      waitForDoc(youth.doc, () => both(youth.doc)),
    ])
    expect(anna.doc.getText('syfte').toString()).toBe(youth.doc.getText('syfte').toString())
    expect(anna.doc.getText('syfte').toString()).toContain('Lugnare raster. ')
    expect(anna.doc.getText('syfte').toString()).toContain('Fler vuxna ute. ')

    const stored = await storedDoc(s, info.documentId)
    expect(stored.getText('syfte').toString()).toBe(anna.doc.getText('syfte').toString())
    const now = await read()
    expect(now.description.bakgrund).toBe('Rasterna är stökiga.')
    expect(now.description.syfte).toBe(anna.doc.getText('syfte').toString())
    expect(now.description.aktorer).toEqual([
      { organisation: 'Karlskrona kommun', sector: 'kommun' },
      { organisation: 'Region Blekinge', sector: 'region' },
    ])
    // A municipal and a regional actor take part: only the empty fields are missing now.
    expect(now.criteria.map((p) => p.kind)).not.toContain('municipalAndRegional')
    expect(now.criteria).toContainEqual({ kind: 'missing', field: 'mal' })
    // The co-editor reads the idea too.
    expect((await read(editToken)).description.syfte).toBe(now.description.syfte)

    const md = await (await call('/description/md')).text()
    expect(md).toBe(
      [
        '# I\\-1 Lugna rum på rasterna',
        '',
        '*Idébeskrivning*',
        '',
        'idé · Född: Demokratilabb · Träff 1 · Öppna upp',
        '',
        '## Bakgrund',
        '',
        'Rasterna är stökiga\\.',
        '',
        '## Syfte',
        '',
        now.description.syfte.trim().replace(/\./g, '\\.'),
        '',
        '## Mål',
        '',
        '*(inte ifyllt)*',
        '',
        '## Mått för utvärdering (effektmått och målgruppernas kvalitetsmått)',
        '',
        '*(inte ifyllt)*',
        '',
        '## Målgrupp',
        '',
        '*(inte ifyllt)*',
        '',
        '## Medverkande aktörer',
        '',
        '- Karlskrona kommun (kommun)',
        '- Region Blekinge (region)',
        '',
        ...['Barnrättsperspektiv', 'Brukarmedverkan', 'Evidens eller beprövad erfarenhet'].flatMap(
          (h) => [`## ${h}`, '', '*(inte ifyllt)*', ''],
        ),
        '## Budget och ekonomiska effekter',
        '',
        '*(inte ifyllt)*',
        '',
        '## Plan för utvärdering, redovisning och implementering i ordinarie verksamhet',
        '',
        '*(inte ifyllt)*',
        '',
        '## Kriterierna',
        '',
        ...[
          'Mål',
          'Mått för utvärdering (effektmått och målgruppernas kvalitetsmått)',
          'Målgrupp',
          'Barnrättsperspektiv',
          'Brukarmedverkan',
          'Evidens eller beprövad erfarenhet',
          'Budget och ekonomiska effekter',
          'Plan för utvärdering, redovisning och implementering i ordinarie verksamhet',
        ].map((f) => `- Saknas: ${f}`),
        '',
      ].join('\n'),
    )
    const html = await (await call('/description/html?lang=en', {}, editToken)).text()
    expect(html).toContain('<h1>I-1 Lugna rum på rasterna</h1>')
    expect(html).toContain('<h2>Background</h2>\n<p>Rasterna är stökiga.</p>')
    expect(html).toContain('<li>Region Blekinge (region)</li>')
    expect((await call('/description/pdf')).status).toBe(404)
    expect(idea.number).toBe(1)
  })

  it('the co-editing link writes the text and nothing else; closing it cuts its writers off and it opens nothing afterwards', async () => {
    const s = await startServer()
    const { call, info, read, process } = await ideaWithDocument(s)
    const { token: editToken } = (await (await call('/edit-link', { method: 'POST' })).json()) as {
      token: string
    }
    // Reading, writing the text, downloading: yes. Title, status, the link itself: no.
    expect(
      await codeOf(await call('', { method: 'PATCH', body: '{"title":"Nytt"}' }, editToken)),
    ).toEqual([401, 'unauthorized'])
    expect(
      await codeOf(
        await call(
          '/status',
          { method: 'POST', body: '{"status":"dialogforum","reason":"Nu"}' },
          editToken,
        ),
      ),
    ).toEqual([401, 'unauthorized'])
    expect(await codeOf(await call('/edit-link', { method: 'POST' }, editToken))).toEqual([
      401,
      'unauthorized',
    ])
    expect(
      ((await (await call('/document', {}, editToken)).json()) as IdeaDocumentInfo).access,
    ).toBe('editor')

    const youth = stock(s, info.documentId, editToken)
    await youth.synced
    const closed = closeCodeOf(youth.provider.ws as never)
    expect((await call('/edit-link', { method: 'DELETE' })).status).toBe(204)
    expect(await closed).toBe(CloseCode.CapabilityRevoked)
    youth.provider.destroy()
    expect(await codeOf(await call('', {}, editToken))).toEqual([401, 'unauthorized'])
    await expect(raw(s, info.documentId, { token: editToken })).rejects.toThrow(/401/)
    // Nor does any other link: none, a meeting's participant link, another process's link.
    await expect(raw(s, info.documentId)).rejects.toThrow(/401/)
    const other = await createProcess(s.url, 'Annan')
    await expect(raw(s, info.documentId, { token: other.token })).rejects.toThrow(/401/)
    // It is not a board to draw on, whatever link is shown.
    const access = await fetch(`${s.url}/api/boards/${info.documentId}/access`, {
      headers: { authorization: `Bearer ${process.token}` },
    })
    expect(access.status).toBe(404)
    expect((await read()).description.syfte).toBe('')
  })

  it('what a hostile link holder sends that the form cannot read is refused with 4409 and stored nowhere', async () => {
    const s = await startServer()
    const { call, info } = await ideaWithDocument(s)
    const { token: editToken } = (await (await call('/edit-link', { method: 'POST' })).json()) as {
      token: string
    }
    const honest = stock(s, info.documentId, editToken)
    await honest.synced
    honest.doc.getText('syfte').insert(0, 'Lugnare raster')
    honest.doc
      .getMap(IDEA_ACTORS_MAP)
      .set('a1', { organisation: 'Kommunen', sector: 'kommun', order: 1 })
    await waitForDoc(honest.doc, () => honest.doc.getText('syfte').length > 0)
    const before = async () => Y.encodeStateAsUpdate(await storedDoc(s, info.documentId))
    const storedBefore = await before()

    /** An update made on a copy of the honest document, sent over a raw socket. */
    const attack = async (change: (doc: Y.Doc) => void) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(honest.doc))
      const vector = Y.encodeStateVector(copy)
      change(copy)
      const attacker = await raw(s, info.documentId, { token: editToken })
      const closed = closeOf(attacker)
      attacker.send(updateFrame(Y.encodeStateAsUpdate(copy, vector)))
      return (await attacker.handled()) === 'closed' ? await closed : 'accepted'
    }
    const refused = (reason: string) => ({ code: CloseCode.EditRefused, reason })

    expect(await attack((d) => d.getMap('records').set('shape:x', { typeName: 'shape' }))).toEqual(
      refused(EditRefusal.Unknown),
    )
    expect(await attack((d) => d.getText('syfte').format(0, 3, { bold: true }))).toEqual(
      refused(EditRefusal.InvalidRecord),
    )
    expect(await attack((d) => d.getText('syfte').insertEmbed(0, { src: 'x' }))).toEqual(
      refused(EditRefusal.InvalidRecord),
    )
    expect(
      await attack((d) => d.getText('syfte').insert(0, 'x'.repeat(MAX_IDEA_FIELD_CHARS))),
    ).toEqual(refused(EditRefusal.TooLarge))
    expect(
      await attack((d) =>
        d.getMap(IDEA_ACTORS_MAP).set('a2', { organisation: 'Kyrkan', sector: 'kyrka', order: 2 }),
      ),
    ).toEqual(refused(EditRefusal.InvalidRecord))
    expect(await attack((d) => d.getMap(IDEA_ACTORS_MAP).set('a2', new Y.Map()))).toEqual(
      refused(EditRefusal.InvalidRecord),
    )
    expect(
      await attack((d) => {
        const actors = d.getMap(IDEA_ACTORS_MAP)
        for (let i = 0; i < 40; i++)
          actors.set(`m${i}`, { organisation: `Org ${i}`, sector: 'annat', order: i })
      }),
    ).toEqual(refused(EditRefusal.TooLarge))
    expect(await attack((d) => d.getMap('bakgrund').set('x', 'y'))).toEqual(
      refused(EditRefusal.Unknown),
    )
    expect(
      await attack((d) => d.getMap(IDEA_ACTORS_MAP).set('a1', { organisation: 'Ingen sektor' })),
    ).toEqual(refused(EditRefusal.InvalidRecord))
    // Plain text is what the form writes: accepted.
    expect(await attack((d) => d.getText('mal').insert(0, 'Ett rum per skola'))).toBe('accepted')

    const after = await storedDoc(s, info.documentId)
    expect(after.getText('syfte').toString()).toBe('Lugnare raster')
    expect(after.getText('mal').toString()).toBe('Ett rum per skola')
    expect([...after.getMap(IDEA_ACTORS_MAP).keys()]).toEqual(['a1'])
    expect(after.share.has('records')).toBe(false)
    expect(storedBefore.byteLength).toBeGreaterThan(0)
    // The honest writer never noticed.
    expect(honest.provider.wsconnected).toBe(true)
  })

  it('deleting the process erases its ideas’ documents (on SQLite from every file of the database)', async () => {
    const s = await startServer()
    const { call, info, process } = await ideaWithDocument(s)
    const SECRET = 'Idébeskrivning-som-ska-raderas-51c2'
    const writer = stock(s, info.documentId, process.token)
    await writer.synced
    writer.doc.getText('bakgrund').insert(0, SECRET)
    await (await s.rooms.peek(info.documentId))?.settle()
    for (;;) {
      if ((await storedDoc(s, info.documentId)).getText('bakgrund').length > 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    // On PostgreSQL the rows are gone (below); its files are its own (README, erasure).
    const sqlite = !s.config.databaseUrl
    const onDisk = () =>
      sqlite &&
      [s.config.dbFile, `${s.config.dbFile}-wal`].some(
        (f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(SECRET)),
      )
    expect(onDisk()).toBe(sqlite)
    expect((await process.call('', { method: 'DELETE' })).status).toBe(204)
    expect(await s.storage.getBoard(info.documentId)).toBeNull()
    expect(onDisk()).toBe(false)
    expect((await call('')).status).toBe(401)
  })
})
