import type {
  Attendance,
  BlueListItem,
  BlueListSource,
  BlueListStatus,
  BoardContent,
  Commitment,
  Confirmation,
  CreateMeetingRequest,
  CreateProcessRequest,
  Crossing,
  Handslag,
  Idea,
  IdeaStatus,
  Initiative,
  Meeting,
  MeetingLinks,
  MeetingRole,
  Process,
  RecordTexts,
  Sector,
  Snapshot,
  SnapshotReason,
  SnapshotSummary,
  UpdateBlueListItemRequest,
  UpdateIdeaRequest,
  UpdateMeetingRequest,
  UpdateProcessRequest,
  VoterCredential,
  VotingRound,
  VotingRoundResult,
} from '@samla/shared'

/**
 * Everything durable besides board documents, as async repositories: SQLite (storage/sqlite/)
 * and PostgreSQL (storage/postgres/) implement each one, and the repository contract
 * (repositoryContract.ts) runs against both.
 */

/** Meetings, their board and their capability links. */
export interface MeetingRepository {
  /** A meeting, its board, a token per role and a join code, all in one transaction. */
  create(
    request: CreateMeetingRequest,
    placement?: MeetingPlacement,
  ): Promise<{ meeting: Meeting; tokens: MeetingLinks }>
  get(id: string): Promise<Meeting | null>
  /** Changes title, group, date or format; the board's title follows the meeting's. */
  update(id: string, changes: UpdateMeetingRequest): Promise<Meeting | null>
  /**
   * Erases the meeting with its board: capabilities, voters, votes, voting rounds, snapshots,
   * pictures, the board's state, log and author claims; nothing of it stays readable in the
   * database files.
   */
  delete(id: string): Promise<void>
  /** Publishes the documentation: the existing public token, or a new one. */
  publish(id: string): Promise<string>
  /** Revokes the public link; a later publish gives a new one. */
  unpublish(id: string): Promise<void>
  publicationToken(id: string): Promise<string | null>
  byPublicationToken(token: string): Promise<Meeting | null>
  /** Meetings held before `date` (YYYY-MM-DD), for the retention purge. */
  heldBefore(date: string): Promise<Meeting[]>
  /** The participant token in clear (it is on the projector's QR code anyway). */
  participantToken(id: string): Promise<string>
  byBoard(boardId: string): Promise<Meeting | null>
  /**
   * The role a token grants in a meeting, or null if it is unknown or rotated away. The link
   * of the meeting's process grants the facilitator role.
   */
  roleOf(meetingId: string, token: string): Promise<MeetingRole | null>
  /** The meetings of a process in timeline order: by date, then by when they were added. */
  inProcess(processId: string): Promise<Meeting[]>
  /** Moves a meeting into a process; false if it is in another process already. */
  adopt(meetingId: string, processId: string): Promise<boolean>
  /**
   * The meeting whose open threads this one's board should start with, claimed once: the
   * first caller gets it, every later one null.
   */
  takeCarryForward(meetingId: string): Promise<string | null>
  /** Replaces a role's link: the old token stops working; returns the new one and the old hashes. */
  rotate(meetingId: string, role: MeetingRole): Promise<{ token: string; revokedHashes: string[] }>
  /** Switches the join code on (a new code) or off. */
  setJoinCode(meetingId: string, enabled: boolean): Promise<Meeting | null>
  /**
   * Marks a running meeting ended at `at`; null if it is unknown or already ended, so that of
   * two calls at once only one ends it.
   */
  markEnded(meetingId: string, at: Date): Promise<Meeting | null>
  /** Clears the mark of an ended meeting (a running one stays as it is); null if unknown. */
  reopen(meetingId: string): Promise<Meeting | null>
  /** The participant token a join code stands for. */
  participantByJoinCode(code: string): Promise<{ meeting: Meeting; token: string } | null>
}

/** Where a new meeting goes: into a process, and whether it carries the last one's threads. */
export interface MeetingPlacement {
  processId: string
  carryFrom: string | null
}

/** Kraftsamling processes; the process link is kept as a hash only. */
export interface ProcessRepository {
  create(request: CreateProcessRequest): Promise<{ process: Process; token: string }>
  get(id: string): Promise<Process | null>
  /** Whether the token is the process's link. */
  verify(id: string, token: string): Promise<boolean>
  update(id: string, changes: UpdateProcessRequest): Promise<Process | null>
  /** Deletes the process row and its crossings; its meetings are erased before, one by one. */
  delete(id: string): Promise<void>
  /** Publishes the process record: the existing public token, or a new one. */
  publish(id: string): Promise<string>
  unpublish(id: string): Promise<void>
  publicationToken(id: string): Promise<string | null>
  byPublicationToken(token: string): Promise<Process | null>
}

export type NewCrossing = Omit<Crossing, 'id' | 'createdAt' | 'deliveredShapeId' | 'answer'>

/** Notes sent across between a process's meetings, and the answers to them. */
export interface CrossingRepository {
  /**
   * Records notes sent, in one transaction; a note already sent from that meeting to that
   * meeting is not recorded again but counted in `existing`.
   */
  send(notes: NewCrossing[]): Promise<{ created: Crossing[]; existing: Crossing[] }>
  get(id: string): Promise<Crossing | null>
  /** Every crossing of a process, oldest first. */
  ofProcess(processId: string): Promise<Crossing[]>
  /** Crossings sent from or to a meeting, oldest first. */
  touching(meetingId: string): Promise<Crossing[]>
  /** Records the note written on the receiving board; false if one was recorded already. */
  delivered(id: string, shapeId: string): Promise<boolean>
  /** Writes (or rewrites) the answer; null if there is no such crossing. */
  answer(id: string, text: string): Promise<Crossing | null>
}

export type NewIdea = {
  processId: string
  title: string
  origin: Idea['origin']
}

export type StatusChange =
  | { ok: true; idea: Idea }
  | { ok: false; reason: 'not_found' | 'invalid_transition'; from?: IdeaStatus }

/** Ideas of a process and their status history. */
export interface IdeaRepository {
  /** A new idea with the next number of its process (I-1, I-2, …), status `ide`. */
  create(input: NewIdea): Promise<Idea>
  get(processId: string, id: string): Promise<Idea | null>
  /** The process's ideas, the last changed first. */
  list(processId: string): Promise<Idea[]>
  /** Ideas born on a meeting's board (for the badges on its notes). */
  ofMeeting(meetingId: string): Promise<Idea[]>
  update(processId: string, id: string, changes: UpdateIdeaRequest): Promise<Idea | null>
  /**
   * Moves the idea to `status` with a public reason, if the seed's path allows it from where
   * it is (shared/src/ideas.ts); the check and the change are one transaction.
   */
  changeStatus(
    processId: string,
    id: string,
    status: IdeaStatus,
    reason: string,
  ): Promise<StatusChange>
  /** Before a meeting is erased: its ideas stay, with nothing of its board left in them. */
  forgetMeeting(meetingId: string): Promise<void>
  /** Where the idea's idébeskrivning is written, and its co-editing link's hash; null: no idea. */
  documentOf(processId: string, id: string): Promise<IdeaDocumentRef | null>
  /**
   * Records the idébeskrivning's document unless the idea has one already; resolves with the
   * one it has afterwards (two first opens at once agree on one), or null if no such idea.
   */
  attachDocument(processId: string, id: string, documentId: string): Promise<string | null>
  /** The idea whose idébeskrivning a document is, or null: not an idea's document. */
  byDocument(
    documentId: string,
  ): Promise<(IdeaDocumentRef & { processId: string; ideaId: string }) | null>
  /** Opens (a new hash), or closes (null), the per-idea co-editing link; false: no such idea. */
  setEditToken(processId: string, id: string, tokenHash: string | null): Promise<boolean>
  /** The documents of a process's ideas (to erase with it). */
  documentsOfProcess(processId: string): Promise<string[]>
  /**
   * What each idea got in a meeting's vote over ideas; recording the same round again (a
   * reveal after the close) replaces its counts.
   */
  recordPriorities(input: NewPriorities): Promise<void>
}

export type NewPriorities = {
  meetingId: string
  meetingTitle: string
  round: string
  voters: number
  at: Date
  results: ReadonlyArray<{ ideaId: string; votes: number; rank: number; of: number }>
}

export type IdeaDocumentRef = { documentId: string | null; editTokenHash: string | null }

export type NewBlueListItem = {
  processId: string
  need: string
  /** The need is the source notes' text (erased with their meeting until it is rewritten). */
  needFromSource: boolean
  source: BlueListSource
  raisedTo: string
}

export type BlueListStatusChange =
  | { ok: true; item: BlueListItem }
  | { ok: false; reason: 'not_found' | 'invalid_transition'; from?: BlueListStatus }

/** Blå listan of a process: needs it cannot meet itself, and their status history. */
export interface BlueListRepository {
  /** A new item with the next number of its process (B-1, B-2, …, never one given before), `ny`. */
  create(input: NewBlueListItem): Promise<BlueListItem>
  get(processId: string, id: string): Promise<BlueListItem | null>
  /** The process's items by number. */
  list(processId: string): Promise<BlueListItem[]>
  /** Changes the need or to whom it is raised; a new need is the process link's own words. */
  update(
    processId: string,
    id: string,
    changes: UpdateBlueListItemRequest,
  ): Promise<BlueListItem | null>
  /**
   * Moves the item to `status` with a public comment, if the path allows it from where it is
   * (shared/src/blueList.ts); the check and the change are one transaction.
   */
  changeStatus(
    processId: string,
    id: string,
    status: BlueListStatus,
    comment: string,
  ): Promise<BlueListStatusChange>
  /** Erases an item and its history; false if the process has no such item. */
  delete(processId: string, id: string): Promise<boolean>
  /**
   * Before a meeting is erased: items from its notes or naming it stay, with nothing of it left
   * (its title, the notes' text, a need that is still that text).
   */
  forgetMeeting(meetingId: string): Promise<void>
}

export type Tally = Record<string, number>

/** Dot votes per meeting and round; a limit is checked and the vote written atomically. */
export interface VoteRepository {
  /** One voter's votes per note in a round. */
  mine(meetingId: string, round: string, voterId: string): Promise<Tally>
  /** Everyone's votes per note in a round. */
  tally(meetingId: string, round: string): Promise<Tally>
  voterCount(meetingId: string, round: string): Promise<number>
  /**
   * Adds one vote unless the voter has used `limit` already; false if none was left. Two adds
   * of one voter at once never both pass the limit.
   */
  add(
    meetingId: string,
    round: string,
    voterId: string,
    shapeId: string,
    limit: number,
  ): Promise<boolean>
  /** Takes back one of the voter's votes on a note; false if there was none. */
  remove(meetingId: string, round: string, voterId: string, shapeId: string): Promise<boolean>
}

/** What the server saw of a round at one moment (votes/roundWatcher.ts). */
export interface VoteRoundEntry {
  round: string
  pageId: string
  phase: string
  votesPerPerson: number
  state: 'open' | 'closed' | 'revealed'
  /** When the state was seen: the start, close or reveal time if it is the first such. */
  at: Date
  /** The count, given when the round closes or is revealed; it replaces an earlier one. */
  outcome?: { voters: number; results: VotingRoundResult[] }
}

/** Every voting round of a meeting: a record that only moves forward. */
export interface VoteRoundRepository {
  /**
   * Records a round, or what changed of one already recorded: its start, close and reveal
   * times are each kept from the first entry that shows them (a later open entry reopens
   * nothing); an entry with an outcome replaces the count and the phase name (as they were
   * when the round ended).
   * Entries of one round at once (several instances) leave one record.
   */
  record(meetingId: string, entry: VoteRoundEntry): Promise<void>
  /** The meeting's rounds, oldest first; results most votes first, ties in the order given. */
  list(meetingId: string): Promise<VotingRound[]>
  /**
   * Clears the text kept of these notes in the meeting's rounds (their votes stay): notes
   * another meeting sent, when that meeting is erased.
   */
  forgetNotes(meetingId: string, noteIds: readonly string[]): Promise<void>
}

/** What the record keeps of a publication: the organisers' texts and the count, as they were. */
export interface PublishedRecord {
  texts: RecordTexts
  attendance: Attendance
}

/**
 * Who took part in a meeting (a row per participant browser, with the organisation and sector
 * it gave) and the organisers' own parts of the record: a draft and the published copy.
 */
export interface MeetingRecordRepository {
  /** Records that this voter of the meeting joined, or replaces what it said before. */
  attend(
    meetingId: string,
    voterId: string,
    said: { organisation: string | null; sector: Sector | null },
  ): Promise<void>
  /** Counted attendance: organisations grouped whatever their case, most participants first. */
  attendance(meetingId: string): Promise<Attendance>
  /**
   * Organisations participants gave in the meetings of `processId` (or in this meeting when it
   * is in none), most used first: suggestions for the next one to type.
   */
  organisationSuggestions(meetingId: string, processId: string | null): Promise<string[]>
  /** The draft, or the empty texts; and the last publication, if any. */
  texts(meetingId: string): Promise<{ draft: RecordTexts; published: PublishedRecord | null }>
  saveDraft(meetingId: string, draft: RecordTexts): Promise<void>
  /** Copies the draft and the attendance as they are now: what the public link shows. */
  publish(meetingId: string, published: PublishedRecord): Promise<void>
}

/** A note written privately ("skriv enskilt"), as the server holds it until it is revealed. */
export interface PrivateNote {
  shapeId: string
  /** Hash of the card's secret (shared/src/privateWriting.ts). */
  proof: string
  text: string
  author: string | null
}

/** A private note as its writer's page sends it: without a proof, the one held stays. */
export type NewPrivateNote = Omit<PrivateNote, 'proof'> & { proof: string | null }

/** The texts of notes written privately, per meeting and voter, until they are revealed. */
export interface PrivateNoteRepository {
  /**
   * Keeps a voter's note: a new one with its proof, or the new text (and author) of one the
   * voter already holds, and its new proof if one is given (a null proof keeps the one held).
   * Only ever the voter's own row: another voter's note of the same card is another row.
   * 'full' when it would be the voter's `max`+1th note in the meeting, 'no_proof' for a new
   * note without one; nothing is stored then.
   */
  put(
    meetingId: string,
    voterId: string,
    note: NewPrivateNote,
    max: number,
  ): Promise<'kept' | 'full' | 'no_proof'>
  /** The voter's own notes in the meeting, the one changed last at the end. */
  ofVoter(meetingId: string, voterId: string): Promise<Omit<PrivateNote, 'proof'>[]>
  remove(meetingId: string, voterId: string, shapeId: string): Promise<void>
  /** Every private note of the meeting, for the reveal. */
  all(meetingId: string): Promise<PrivateNote[]>
  /** Forgets every private note of the meeting (after the reveal wrote them into the board). */
  clear(meetingId: string): Promise<void>
}

/** Voter credentials: the id is the server's choice; only the secret's hash is kept. */
export interface VoterRepository {
  /** A new voter of the meeting; the secret is returned this once and never stored. */
  issue(meetingId: string): Promise<VoterCredential>
  /** True when the credential was issued for this meeting (and the meeting still has it). */
  verify(meetingId: string, credential: VoterCredential): Promise<boolean>
}

export type ImageMime = 'image/svg+xml' | 'image/png'

export interface NewSnapshot {
  meetingId: string
  pageId: string | null
  label: string
  reason: SnapshotReason
  state: Uint8Array
  content: BoardContent
}

/** Snapshots of meeting boards and their pictures; rows are inserted, never updated. */
export interface SnapshotRepository {
  create(input: NewSnapshot): Promise<Snapshot>
  /** Newest first. */
  list(meetingId: string): Promise<SnapshotSummary[]>
  get(meetingId: string, id: string): Promise<Snapshot | null>
  /** The Yjs state the snapshot kept. */
  state(meetingId: string, id: string): Promise<Uint8Array | null>
  /** Stores a phase's picture once; false if that phase of the snapshot has one already. */
  putImage(snapshotId: string, pageId: string, mime: ImageMime, data: Uint8Array): Promise<boolean>
  image(
    meetingId: string,
    snapshotId: string,
    pageId: string,
  ): Promise<{ mime: ImageMime; data: Uint8Array } | null>
}

export interface NewHandslag {
  processId: string
  title: string
  meetingId: string | null
  initiatives: Initiative[]
}

export interface HandslagChanges {
  title?: string
  meetingId?: string | null
  initiatives?: Initiative[]
}

export interface OrganisationChanges {
  name?: string
  commitments?: Commitment[]
}

/** Why a change of a Handslag was refused; a refused change changes nothing. */
export type HandslagRefusal = 'not_found' | 'organisation_not_found' | 'signed' | 'full'
export type HandslagWrite<T> = { ok: true; value: T } | { ok: false; reason: HandslagRefusal }

export type ConfirmOutcome =
  | { ok: true; handslag: Handslag; confirmation: Confirmation; signed: boolean }
  | { ok: false; reason: 'unauthorized' | 'already_confirmed' | 'changed' }

/**
 * Handslag of a process: the work plan, its organisations and their commitments, edited
 * until it is signed; each organisation's confirmation link is kept as a hash only. Every
 * change and every confirmation is one transaction that first takes the Handslag's lock, so
 * that a confirmation never meets half an edit and the last two confirmations never both
 * miss each other.
 */
export interface HandslagRepository {
  /** A new Handslag without organisations; null when its process has the most it may. */
  create(input: NewHandslag): Promise<Handslag | null>
  get(processId: string, id: string): Promise<Handslag | null>
  /** The process's Handslag, oldest first. */
  list(processId: string): Promise<Handslag[]>
  update(processId: string, id: string, changes: HandslagChanges): Promise<HandslagWrite<Handslag>>
  /** A new organisation, last in order, and its link's token (returned this once). */
  addOrganisation(
    processId: string,
    id: string,
    organisation: { name: string; commitments: Commitment[] },
  ): Promise<HandslagWrite<{ handslag: Handslag; organisationId: string; token: string }>>
  /**
   * Changes an organisation's name or commitments; commitments that differ from the stored
   * ones raise its revision and clear its confirmation (it must confirm again).
   */
  updateOrganisation(
    processId: string,
    id: string,
    organisationId: string,
    changes: OrganisationChanges,
  ): Promise<HandslagWrite<Handslag>>
  /** Removes an organisation and its link; if every one left has confirmed, that signs it. */
  removeOrganisation(
    processId: string,
    id: string,
    organisationId: string,
  ): Promise<HandslagWrite<Handslag>>
  /** A new link for the organisation; the old one stops working. Returns the new token. */
  rotate(processId: string, id: string, organisationId: string): Promise<HandslagWrite<string>>
  /** Deletes an unsigned Handslag with its organisations. */
  delete(processId: string, id: string): Promise<HandslagWrite<null>>
  /** The Handslag and the organisation a token is the link of, or null for any other token. */
  byToken(id: string, token: string): Promise<{ handslag: Handslag; organisationId: string } | null>
  /**
   * Records the organisation's confirmation, once, if `revision` is still its revision; the
   * last one signs the Handslag in the same transaction (`signed` says whether this did).
   */
  confirm(
    id: string,
    token: string,
    who: Omit<Confirmation, 'at'>,
    revision: number,
  ): Promise<ConfirmOutcome>
}
