import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const boards = sqliteTable('boards', {
  id: text('id').primaryKey(),
  title: text('title').notNull().default(''),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** The compacted Yjs state of a board: everything up to the log entries that follow it. */
export const documentStates = sqliteTable('document_states', {
  boardId: text('board_id')
    .primaryKey()
    .references(() => boards.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  compactedAt: integer('compacted_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Every accepted Yjs update, appended before it is relayed; merged into documentStates later. */
export const documentUpdates = sqliteTable(
  'document_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('document_updates_board_id_idx').on(t.boardId, t.id)],
)
