import {
  CAPABILITY_TOKEN_PATTERN,
  type Idea,
  type IdeaDescription,
  ideaLabel,
  WS_PATH_PREFIX,
} from '@samla/shared'
import type { IdeaDocumentCheck } from '../access/meetingAccess.ts'
import { newBoardId } from '../boards.ts'
import { ApiError } from '../http/errors.ts'
import { hashToken, newToken } from '../meetings/tokens.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { SamlaStore } from '../storage/store.ts'
import { descriptionOf, descriptionOfState, initialState } from './document.ts'

/** Which link opened an idea: the process's (everything) or the idea's own (the text only). */
export type IdeaLinkKind = 'process' | 'editor'

/**
 * Each idea's idébeskrivning is a Yjs document, relayed like a board (its own content rule,
 * access/rules/ideaContent.ts), so that several people write it at once. It is made on first
 * use from what the idea held before; everything else (criteria, exports, the record) reads
 * the description from it, as it stands in the database or in a room that has it loaded.
 */
export class IdeaDocuments {
  constructor(
    private readonly store: SamlaStore,
    private readonly rooms: RoomManager,
  ) {}

  /** The idea's document, made now if it has none. */
  async ensure(idea: Idea): Promise<string> {
    const ref = await this.store.ideas.documentOf(idea.processId, idea.id)
    if (!ref) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
    if (ref.documentId) return ref.documentId
    const id = newBoardId()
    await this.store.documents.createBoard({
      id,
      title: ideaLabel(idea.number),
      createdAt: new Date(),
    })
    await this.store.documents.appendUpdates(id, [initialState(idea.description)])
    const kept = await this.store.ideas.attachDocument(idea.processId, idea.id, id)
    // Another first open won (or the idea was just erased): this one was never used.
    if (kept !== id) await this.store.documents.deleteBoard(id)
    if (!kept) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
    return kept
  }

  async description(idea: Idea): Promise<IdeaDescription> {
    const ref = await this.store.ideas.documentOf(idea.processId, idea.id)
    if (!ref?.documentId) return idea.description
    const room = this.rooms.isLoaded(ref.documentId)
      ? await this.rooms.peek(ref.documentId).catch(() => undefined)
      : undefined
    if (room) return descriptionOf(room.doc)
    const stored = await this.store.documents.loadDocument(ref.documentId)
    return descriptionOfState(stored.state, stored.updates)
  }

  /** The idea with its description as its document holds it now. */
  async current(idea: Idea): Promise<Idea> {
    return { ...idea, description: await this.description(idea) }
  }

  /** Which link this token is for the idea, or null: neither. */
  async linkKind(idea: Idea, token: string): Promise<IdeaLinkKind | null> {
    if (await this.store.processes.verify(idea.processId, token)) return 'process'
    const ref = await this.store.ideas.documentOf(idea.processId, idea.id)
    return ref?.editTokenHash && ref.editTokenHash === hashToken(token) ? 'editor' : null
  }

  /** For the WebSocket upgrade (access/meetingAccess.ts): may this token write this document? */
  readonly check: IdeaDocumentCheck = async (boardId, token) => {
    const ref = await this.store.ideas.byDocument(boardId)
    if (!ref) return 'not-idea'
    if (!token || !CAPABILITY_TOKEN_PATTERN.test(token)) return 'denied'
    if (ref.editTokenHash && ref.editTokenHash === hashToken(token)) return 'granted'
    return (await this.store.processes.verify(ref.processId, token)) ? 'granted' : 'denied'
  }

  /**
   * Opens a new co-editing link for the idea (a previous one stops working, and whoever is
   * writing with it is cut off), or closes it (`open` false). Resolves with the new token.
   */
  async setEditLink(idea: Idea, open: boolean): Promise<string | null> {
    const before = await this.store.ideas.documentOf(idea.processId, idea.id)
    const token = open ? newToken() : null
    await this.store.ideas.setEditToken(idea.processId, idea.id, token && hashToken(token))
    if (before?.documentId && before.editTokenHash)
      await this.rooms.revoke(before.documentId, [before.editTokenHash])
    return token
  }

  wsPath(documentId: string): string {
    return `${WS_PATH_PREFIX}${documentId}`
  }

  /** With its process: every idea's document, its rows and its log. */
  async eraseOfProcess(processId: string): Promise<void> {
    const ids = await this.store.ideas.documentsOfProcess(processId)
    for (const id of ids)
      await this.rooms.erase(id, async () => {
        await this.store.documents.deleteBoard(id)
      })
    // The deleted texts' old pages may still be in SQLite's WAL.
    if (ids.length > 0) await this.store.scrub()
  }
}
