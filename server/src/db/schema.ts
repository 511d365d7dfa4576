import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

export const boards = sqliteTable('boards', {
  id: text('id').primaryKey(),
  title: text('title').notNull().default(''),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** The sequence number of the board's last appended update (storage/types.ts). */
  lastSeq: integer('last_seq').notNull().default(0),
})

/** The compacted Yjs state of a board: everything up to the log entries that follow it. */
export const documentStates = sqliteTable('document_states', {
  boardId: text('board_id')
    .primaryKey()
    .references(() => boards.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  compactedAt: integer('compacted_at', { mode: 'timestamp_ms' }).notNull(),
  /** The state holds the log up to and including this sequence number. */
  mergedSeq: integer('merged_seq').notNull().default(0),
})

/** Every accepted Yjs update, appended before it is relayed; merged into documentStates later. */
export const documentUpdates = sqliteTable(
  'document_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    /** Per board, gap-free in commit order: 1, 2, 3, … */
    seq: integer('seq').notNull().default(0),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('document_updates_board_id_idx').on(t.boardId, t.id),
    uniqueIndex('document_updates_board_seq_idx').on(t.boardId, t.seq),
  ],
)

/**
 * The author of each Yjs client id of a board: the hash of the author key of the page that
 * first wrote under it. Only that author may write under the id again (a reconnecting page,
 * even after a restart); see access/rules/authorship.ts.
 */
export const documentAuthors = sqliteTable(
  'document_authors',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    clientId: integer('client_id').notNull(),
    author: text('author').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.clientId] })],
)

/**
 * A Kraftsamling as a process: its meetings point at it. The process link exists only as a
 * hash; it gives the facilitator role on every meeting of the process.
 */
export const processes = sqliteTable('processes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  organisers: text('organisers').notNull().default(''),
  tokenHash: text('token_hash').notNull().unique(),
  /** The process record's public read link (its token), while published. */
  publicationToken: text('publication_token').unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A Samling: one meeting with its board; deleting the board deletes the meeting. */
export const meetings = sqliteTable('meetings', {
  id: text('id').primaryKey(),
  boardId: text('board_id')
    .notNull()
    .unique()
    .references(() => boards.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  group: text('group', { enum: ['kraftsamling', 'demokratilabb'] }).notNull(),
  date: text('date').notNull(),
  format: text('format', { enum: ['physical', 'digital', 'hybrid'] }).notNull(),
  anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
  joinCode: text('join_code').unique(),
  /**
   * The participant token in clear, so that the join code can hand it out; it is shown on the
   * projector as a QR code anyway. Facilitator and projector tokens exist only as hashes.
   */
  participantToken: text('participant_token').notNull(),
  /** The documentation's public read link (its token), while published; null otherwise. */
  publicationToken: text('publication_token').unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** The process the meeting is part of; erasing a process erases its meetings first. */
  processId: text('process_id').references(() => processes.id, { onDelete: 'set null' }),
  /** Start the board with the open threads of this earlier meeting ("Från förra samlingen"). */
  carryFrom: text('carry_from'),
  /** When that frame was written on the board (once). */
  carriedAt: integer('carried_at', { mode: 'timestamp_ms' }),
  /** When the facilitator ended the meeting; null while it runs or once reopened. */
  endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
})

/** Capability links: the SHA-256 of each token, its role, and whether it was rotated away. */
export const capabilities = sqliteTable(
  'capabilities',
  {
    tokenHash: text('token_hash').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['facilitator', 'participant', 'projector'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('capabilities_meeting_id_idx').on(t.meetingId)],
)

/**
 * Voter credentials, one per browser and meeting: the server chooses the id, and keeps only
 * the SHA-256 of the secret that goes with it (votes/voterStore.ts).
 */
export const voters = sqliteTable(
  'voters',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('voters_meeting_id_idx').on(t.meetingId)],
)

/**
 * Dot votes, one row per dot: a voter (the id of a credential in `voters`; there are no
 * accounts) on a note in a voting round. The round's settings live in the board's meeting
 * controls.
 */
export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    round: text('round').notNull(),
    voterId: text('voter_id').notNull(),
    shapeId: text('shape_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('votes_round_idx').on(t.meetingId, t.round, t.voterId)],
)

/**
 * Every voting round of a meeting, recorded by the server when the facilitator starts,
 * closes, reveals, ends or replaces it (votes/roundWatcher.ts); the controls keep only the
 * current round. The count is written once the round ends, from `votes`, with each note's
 * text as it was then: the record stays as it was decided however the board changes later.
 * One JSON list rather than a row per note: it is written and read whole, never queried.
 */
export const voteRounds = sqliteTable(
  'vote_rounds',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    round: text('round').notNull(),
    pageId: text('page_id').notNull(),
    phase: text('phase').notNull(),
    votesPerPerson: integer('votes_per_person').notNull(),
    voters: integer('voters').notNull().default(0),
    /** VotingRoundResult[] (shared/src/documentation.ts), most votes first. */
    results: text('results', { mode: 'json' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.round] })],
)

/**
 * A snapshot of a meeting's board: taken at a phase change, at the end, or by hand, and never
 * changed afterwards. It keeps the Yjs state (to view or restore the board as it was) and the
 * text read from it (so documentation exists even without pictures).
 */
export const snapshots = sqliteTable(
  'snapshots',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The phase (page id) that was current when it was taken. */
    pageId: text('page_id'),
    label: text('label').notNull().default(''),
    reason: text('reason', { enum: ['manual', 'phase-change', 'end'] }).notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    /** BoardContent as JSON (shared/src/documentation.ts). */
    content: text('content', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('snapshots_meeting_idx').on(t.meetingId, t.createdAt)],
)

/** A picture of one phase of a snapshot, rendered by the facilitator's browser; write-once. */
export const snapshotImages = sqliteTable(
  'snapshot_images',
  {
    snapshotId: text('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    pageId: text('page_id').notNull(),
    mime: text('mime', { enum: ['image/svg+xml', 'image/png'] }).notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.pageId] })],
)

/**
 * A note sent from one meeting's board to another meeting of the same process: a copy of its
 * text and where it came from (never a name from an anonymous meeting), and the answer the
 * receiving meeting gave. Erased with either meeting.
 */
export const crossings = sqliteTable(
  'crossings',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    fromMeetingId: text('from_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    toMeetingId: text('to_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sourceShapeId: text('source_shape_id').notNull(),
    text: text('text').notNull(),
    color: text('color').notNull(),
    originGroup: text('origin_group', { enum: ['kraftsamling', 'demokratilabb'] }).notNull(),
    originTitle: text('origin_title').notNull(),
    originPhase: text('origin_phase').notNull(),
    originDate: text('origin_date').notNull(),
    author: text('author'),
    message: text('message'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredShapeId: text('delivered_shape_id'),
    answerText: text('answer_text'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('crossings_once_idx').on(t.fromMeetingId, t.toMeetingId, t.sourceShapeId),
    index('crossings_to_idx').on(t.toMeetingId),
    index('crossings_process_idx').on(t.processId, t.createdAt),
  ],
)

/**
 * Ideas of a process (shared/src/ideas.ts): numbered within it, with where they were born.
 * When their meeting is erased they stay, but every word of its board (the notes they came
 * from, its title and phase) is cleared and the origin reads "från en raderad samling".
 */
export const ideas = sqliteTable(
  'ideas',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    ownerOrganisation: text('owner_organisation').notNull().default(''),
    originMeetingId: text('origin_meeting_id').references(() => meetings.id, {
      onDelete: 'set null',
    }),
    originGroup: text('origin_group', { enum: ['kraftsamling', 'demokratilabb'] }).notNull(),
    originMeetingTitle: text('origin_meeting_title'),
    originPhase: text('origin_phase'),
    originSnapshotId: text('origin_snapshot_id'),
    /** [{ shapeId, text }] as JSON. */
    originNotes: text('origin_notes', { mode: 'json' }).notNull(),
    /** IdeaDescription as JSON. */
    description: text('description', { mode: 'json' }).notNull(),
    /**
     * The board (documents storage) that holds the idébeskrivning as a Yjs document
     * (shared/src/ideaDocument.ts), made on first use; `description` is then only what the
     * idea held before, written into it then.
     */
    documentId: text('document_id').unique(),
    /** Hash of the per-idea link that lets others co-edit the idébeskrivning; null: none. */
    editTokenHash: text('edit_token_hash'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('ideas_number_idx').on(t.processId, t.number),
    index('ideas_origin_idx').on(t.originMeetingId),
  ],
)

/** Every change of an idea's status, with its date and public reason; appended, never changed. */
export const ideaEvents = sqliteTable(
  'idea_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('idea_events_idea_idx').on(t.ideaId, t.id)],
)

/**
 * The last number given to an item of a process's Blå listan: numbers are never given twice,
 * also after an item was deleted.
 */
export const blueListNumbers = sqliteTable('blue_list_numbers', {
  processId: text('process_id')
    .primaryKey()
    .references(() => processes.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
})

/**
 * Blå listan (shared/src/blueList.ts): needs the process cannot meet itself, numbered within
 * it, with where each came from. When the meeting a note or meeting source names is erased,
 * the item stays but its title and the notes' text are cleared, and so is a need that is still
 * the notes' text (`needFromSource`): "från en raderad samling".
 */
export const blueListItems = sqliteTable(
  'blue_list_items',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    need: text('need').notNull(),
    /** The need is the source notes' text, not yet rewritten with the process link. */
    needFromSource: integer('need_from_source', { mode: 'boolean' }).notNull(),
    sourceKind: text('source_kind', { enum: ['idea', 'note', 'meeting', 'none'] }).notNull(),
    // An idea is deleted only with its process, which takes this item along.
    sourceIdeaId: text('source_idea_id'),
    sourceIdeaNumber: integer('source_idea_number'),
    sourceIdeaTitle: text('source_idea_title'),
    sourceMeetingId: text('source_meeting_id').references(() => meetings.id, {
      onDelete: 'set null',
    }),
    sourceMeetingTitle: text('source_meeting_title'),
    sourceText: text('source_text'),
    raisedTo: text('raised_to').notNull().default(''),
    status: text('status').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('blue_list_items_number_idx').on(t.processId, t.number),
    index('blue_list_items_meeting_idx').on(t.sourceMeetingId),
  ],
)

/** Every change of an item's status, with its date and public comment; appended, never changed. */
export const blueListEvents = sqliteTable(
  'blue_list_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: text('item_id')
      .notNull()
      .references(() => blueListItems.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    comment: text('comment').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('blue_list_events_item_idx').on(t.itemId, t.id)],
)

/**
 * What each idea got in a vote over ideas (shared/src/ideas.ts ideaPrioritySchema), one row
 * per idea, meeting and round; a reveal after the close replaces the count. Erasing the
 * meeting keeps the votes and clears its title.
 */
export const ideaPriorities = sqliteTable(
  'idea_priorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    meetingTitle: text('meeting_title'),
    round: text('round').notNull(),
    votes: integer('votes').notNull(),
    rank: integer('rank').notNull(),
    of: integer('of').notNull(),
    voters: integer('voters').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('idea_priorities_once_idx').on(t.ideaId, t.meetingId, t.round),
    index('idea_priorities_meeting_idx').on(t.meetingId),
  ],
)

/**
 * Handslag of a process (shared/src/handslag.ts): a work plan made at a Verkstad meeting,
 * erased with its process; erasing the meeting it was made at leaves it, without the link.
 */
export const handslag = sqliteTable(
  'handslag',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    /** [{ ideaId, ideaNumber, text }] as JSON. */
    initiatives: text('initiatives', { mode: 'json' }).notNull(),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('handslag_process_idx').on(t.processId, t.createdAt)],
)

/**
 * The organisations of a Handslag, each with its commitments, the hash of its confirmation
 * link, and who confirmed for it: the only personal data of a Handslag.
 */
export const handslagOrganisations = sqliteTable(
  'handslag_organisations',
  {
    id: text('id').primaryKey(),
    handslagId: text('handslag_id')
      .notNull()
      .references(() => handslag.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** [{ text, due }] as JSON. */
    commitments: text('commitments', { mode: 'json' }).notNull(),
    revision: integer('revision').notNull().default(1),
    tokenHash: text('token_hash').notNull().unique(),
    confirmedName: text('confirmed_name'),
    confirmedRole: text('confirmed_role'),
    confirmedOrganisation: text('confirmed_organisation'),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('handslag_organisations_handslag_idx').on(t.handslagId, t.position)],
)

/**
 * Who took part in a meeting: one row per browser that joined as a participant (its voter
 * credential), with the organisation and sector its holder chose to give. Never written for
 * an anonymous or Demokratilabb meeting; erased with the meeting (and with its voters).
 */
export const attendees = sqliteTable(
  'attendees',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    voterId: text('voter_id')
      .notNull()
      .references(() => voters.id, { onDelete: 'cascade' }),
    organisation: text('organisation'),
    sector: text('sector'),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.voterId] })],
)

/**
 * The organisers' own parts of a meeting's record (shared/src/meetingRecord.ts), as JSON: the
 * draft they are writing, and the copy made when they last published, which is what the
 * public link shows.
 */
export const meetingRecords = sqliteTable('meeting_records', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  draft: text('draft', { mode: 'json' }).notNull(),
  published: text('published', { mode: 'json' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * "Skriv enskilt": the text of a note written privately, held here until the facilitator
 * reveals it into its blank card (shared/src/privateWriting.ts), then deleted. `proof` is the
 * hash of the card's secret: the card whose mark equals it is the one the text goes into.
 * Keyed by voter too, so that someone claiming a card's id first takes nothing from its writer.
 * Erased with the meeting and with the voter.
 */
export const privateNotes = sqliteTable(
  'private_notes',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    shapeId: text('shape_id').notNull(),
    voterId: text('voter_id')
      .notNull()
      .references(() => voters.id, { onDelete: 'cascade' }),
    proof: text('proof').notNull(),
    text: text('text').notNull(),
    author: text('author'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.shapeId, t.voterId] })],
)
