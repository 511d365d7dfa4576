import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

/**
 * The tables of ../schema.ts in PostgreSQL, for several server instances on one database,
 * plus the per-board sequence numbers that let an instance tell it missed an update.
 */

/**
 * Binary columns as Uint8Array. node-postgres reads bytea into a Buffer (a Uint8Array already)
 * and writes a Buffer as bytea; a plain Uint8Array it would write as text, so it is wrapped.
 */
const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
})

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull()

export const boards = pgTable('boards', {
  id: text('id').primaryKey(),
  title: text('title').notNull().default(''),
  createdAt: createdAt(),
  /**
   * The sequence number of the board's last appended update. An append raises it and inserts
   * its updates under the numbers it skipped, in one transaction: the row lock that the raise
   * takes makes appends of one board take turns until commit, so numbers follow commit order
   * without gaps.
   */
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
})

/** The compacted Yjs state of a board: everything up to and including update `mergedSeq`. */
export const documentStates = pgTable('document_states', {
  boardId: text('board_id')
    .primaryKey()
    .references(() => boards.id, { onDelete: 'cascade' }),
  state: bytea('state').notNull(),
  mergedSeq: bigint('merged_seq', { mode: 'number' }).notNull(),
  compactedAt: timestamp('compacted_at', { withTimezone: true, mode: 'date' }).notNull(),
})

/**
 * Every accepted Yjs update, appended before it is relayed; merged into documentStates later.
 * The key (board, seq) is also the index the SQLite table has on (board, id).
 */
export const documentUpdates = pgTable(
  'document_updates',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.seq] })],
)

/** See ../schema.ts. Yjs client ids are unsigned 32-bit numbers, past what integer holds. */
export const documentAuthors = pgTable(
  'document_authors',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    clientId: bigint('client_id', { mode: 'number' }).notNull(),
    author: text('author').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.clientId] })],
)

/** A Kraftsamling as a process, as in ../schema.ts. */
export const processes = pgTable('processes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  organisers: text('organisers').notNull().default(''),
  tokenHash: text('token_hash').notNull().unique(),
  publicationToken: text('publication_token').unique(),
  createdAt: createdAt(),
})

/** A Samling: one meeting with its board; deleting the board deletes the meeting. */
export const meetings = pgTable('meetings', {
  id: text('id').primaryKey(),
  boardId: text('board_id')
    .notNull()
    .unique()
    .references(() => boards.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  group: text('group', { enum: ['kraftsamling', 'demokratilabb'] }).notNull(),
  date: text('date').notNull(),
  format: text('format', { enum: ['physical', 'digital', 'hybrid'] }).notNull(),
  anonymous: boolean('anonymous').notNull(),
  joinCode: text('join_code').unique(),
  /** In clear, as in ../schema.ts: the join code hands it out, and it is on the projector. */
  participantToken: text('participant_token').notNull(),
  publicationToken: text('publication_token').unique(),
  createdAt: createdAt(),
  processId: text('process_id').references(() => processes.id, { onDelete: 'set null' }),
  carryFrom: text('carry_from'),
  carriedAt: timestamp('carried_at', { withTimezone: true, mode: 'date' }),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
})

/** Capability links: the SHA-256 of each token, its role, and whether it was rotated away. */
export const capabilities = pgTable(
  'capabilities',
  {
    tokenHash: text('token_hash').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['facilitator', 'participant', 'projector'] }).notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('capabilities_meeting_id_idx').on(t.meetingId)],
)

/** Voter credentials: the server's id and the SHA-256 of the secret. */
export const voters = pgTable(
  'voters',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('voters_meeting_id_idx').on(t.meetingId)],
)

/** Dot votes, one row per dot. */
export const votes = pgTable(
  'votes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    round: text('round').notNull(),
    voterId: text('voter_id').notNull(),
    shapeId: text('shape_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('votes_round_idx').on(t.meetingId, t.round, t.voterId)],
)

/** Every voting round of a meeting and its count, as in ../schema.ts. */
export const voteRounds = pgTable(
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
    results: jsonb('results').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    revealedAt: timestamp('revealed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.round] })],
)

/** A snapshot of a meeting's board, never changed afterwards. */
export const snapshots = pgTable(
  'snapshots',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    pageId: text('page_id'),
    label: text('label').notNull().default(''),
    reason: text('reason', { enum: ['manual', 'phase-change', 'end'] }).notNull(),
    state: bytea('state').notNull(),
    /** BoardContent (shared/src/documentation.ts). */
    content: jsonb('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('snapshots_meeting_idx').on(t.meetingId, t.createdAt)],
)

/** A picture of one phase of a snapshot; write-once. */
export const snapshotImages = pgTable(
  'snapshot_images',
  {
    snapshotId: text('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    pageId: text('page_id').notNull(),
    mime: text('mime', { enum: ['image/svg+xml', 'image/png'] }).notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.pageId] })],
)

/** Notes sent across between a process's meetings, and their answers, as in ../schema.ts. */
export const crossings = pgTable(
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
    createdAt: createdAt(),
    deliveredShapeId: text('delivered_shape_id'),
    answerText: text('answer_text'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('crossings_once_idx').on(t.fromMeetingId, t.toMeetingId, t.sourceShapeId),
    index('crossings_to_idx').on(t.toMeetingId),
    index('crossings_process_idx').on(t.processId, t.createdAt),
  ],
)

/** Ideas of a process, as in ../schema.ts. */
export const ideas = pgTable(
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
    originNotes: jsonb('origin_notes').notNull(),
    description: jsonb('description').notNull(),
    /**
     * The board (documents storage) that holds the idébeskrivning as a Yjs document
     * (shared/src/ideaDocument.ts), made on first use; `description` is then only what the
     * idea held before, written into it then.
     */
    documentId: text('document_id').unique(),
    /** Hash of the per-idea link that lets others co-edit the idébeskrivning; null: none. */
    editTokenHash: text('edit_token_hash'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('ideas_number_idx').on(t.processId, t.number),
    index('ideas_origin_idx').on(t.originMeetingId),
  ],
)

/** Status changes of ideas, as in ../schema.ts. */
export const ideaEvents = pgTable(
  'idea_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('idea_events_idea_idx').on(t.ideaId, t.id)],
)

/** The last number given on a process's Blå listan, as in ../schema.ts. */
export const blueListNumbers = pgTable('blue_list_numbers', {
  processId: text('process_id')
    .primaryKey()
    .references(() => processes.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
})

/** Blå listan, as in ../schema.ts. */
export const blueListItems = pgTable(
  'blue_list_items',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    need: text('need').notNull(),
    needFromSource: boolean('need_from_source').notNull(),
    sourceKind: text('source_kind', { enum: ['idea', 'note', 'meeting', 'none'] }).notNull(),
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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('blue_list_items_number_idx').on(t.processId, t.number),
    index('blue_list_items_meeting_idx').on(t.sourceMeetingId),
  ],
)

/** Status changes of Blå listan's items, as in ../schema.ts. */
export const blueListEvents = pgTable(
  'blue_list_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: text('item_id')
      .notNull()
      .references(() => blueListItems.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    comment: text('comment').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('blue_list_events_item_idx').on(t.itemId, t.id)],
)

/**
 * What each idea got in a vote over ideas (shared/src/ideas.ts ideaPrioritySchema), one row
 * per idea, meeting and round; a reveal after the close replaces the count. Erasing the
 * meeting keeps the votes and clears its title.
 */
export const ideaPriorities = pgTable(
  'idea_priorities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
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
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('idea_priorities_once_idx').on(t.ideaId, t.meetingId, t.round),
    index('idea_priorities_meeting_idx').on(t.meetingId),
  ],
)

/** Handslag of a process, as in ../schema.ts. */
export const handslag = pgTable(
  'handslag',
  {
    id: text('id').primaryKey(),
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    initiatives: jsonb('initiatives').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('handslag_process_idx').on(t.processId, t.createdAt)],
)

/** The organisations of a Handslag and their confirmations, as in ../schema.ts. */
export const handslagOrganisations = pgTable(
  'handslag_organisations',
  {
    id: text('id').primaryKey(),
    handslagId: text('handslag_id')
      .notNull()
      .references(() => handslag.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    commitments: jsonb('commitments').notNull(),
    revision: integer('revision').notNull().default(1),
    tokenHash: text('token_hash').notNull().unique(),
    confirmedName: text('confirmed_name'),
    confirmedRole: text('confirmed_role'),
    confirmedOrganisation: text('confirmed_organisation'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('handslag_organisations_handslag_idx').on(t.handslagId, t.position)],
)

/** Who took part in a meeting, as in ../schema.ts. */
export const attendees = pgTable(
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
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.voterId] })],
)

/** The organisers' own parts of a meeting's record, as in ../schema.ts. */
export const meetingRecords = pgTable('meeting_records', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  draft: jsonb('draft').notNull(),
  published: jsonb('published'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
})

/** Private notes' texts until they are revealed, as in ../schema.ts. */
export const privateNotes = pgTable(
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
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.shapeId, t.voterId] })],
)
