import { boardContentSchema, type Snapshot, type SnapshotSummary } from '@samla/shared'
import { and, desc, eq } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { snapshotImages, snapshots } from '../../db/pg/schema.ts'
import type { ImageMime, NewSnapshot, SnapshotRepository } from '../repositories.ts'

type SnapshotRow = typeof snapshots.$inferSelect

function summary(row: SnapshotRow, images: string[]): SnapshotSummary {
  return {
    id: row.id,
    meetingId: row.meetingId,
    pageId: row.pageId,
    label: row.label,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    images,
  }
}

/** Snapshots in PostgreSQL; the same behaviour as the SQLite repository (snapshots/store.ts). */
export class PgSnapshotRepository implements SnapshotRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async create(input: NewSnapshot): Promise<Snapshot> {
    const row: SnapshotRow = {
      id: newBoardId(),
      meetingId: input.meetingId,
      pageId: input.pageId,
      label: input.label,
      reason: input.reason,
      state: input.state,
      content: input.content,
      createdAt: new Date(),
    }
    await this.db.insert(snapshots).values(row)
    return { ...summary(row, []), content: input.content }
  }

  async list(meetingId: string): Promise<SnapshotSummary[]> {
    const rows = await this.db
      .select()
      .from(snapshots)
      .where(eq(snapshots.meetingId, meetingId))
      .orderBy(desc(snapshots.createdAt), desc(snapshots.id))
    const images = await this.db
      .select({ snapshotId: snapshotImages.snapshotId, pageId: snapshotImages.pageId })
      .from(snapshotImages)
      .innerJoin(snapshots, eq(snapshots.id, snapshotImages.snapshotId))
      .where(eq(snapshots.meetingId, meetingId))
    return rows.map((row) =>
      summary(
        row,
        images.filter((i) => i.snapshotId === row.id).map((i) => i.pageId),
      ),
    )
  }

  async get(meetingId: string, id: string): Promise<Snapshot | null> {
    const [row] = await this.db
      .select()
      .from(snapshots)
      .where(and(eq(snapshots.id, id), eq(snapshots.meetingId, meetingId)))
    if (!row) return null
    const images = await this.db
      .select({ pageId: snapshotImages.pageId })
      .from(snapshotImages)
      .where(eq(snapshotImages.snapshotId, id))
    return {
      ...summary(
        row,
        images.map((i) => i.pageId),
      ),
      content: boardContentSchema.parse(row.content),
    }
  }

  async state(meetingId: string, id: string): Promise<Uint8Array | null> {
    const [row] = await this.db
      .select({ state: snapshots.state })
      .from(snapshots)
      .where(and(eq(snapshots.id, id), eq(snapshots.meetingId, meetingId)))
    return row?.state ?? null
  }

  async putImage(
    snapshotId: string,
    pageId: string,
    mime: ImageMime,
    data: Uint8Array,
  ): Promise<boolean> {
    const inserted = await this.db
      .insert(snapshotImages)
      .values({ snapshotId, pageId, mime, data, createdAt: new Date() })
      .onConflictDoNothing()
      .returning({ pageId: snapshotImages.pageId })
    return inserted.length === 1
  }

  async image(
    meetingId: string,
    snapshotId: string,
    pageId: string,
  ): Promise<{ mime: ImageMime; data: Uint8Array } | null> {
    const [row] = await this.db
      .select({ mime: snapshotImages.mime, data: snapshotImages.data })
      .from(snapshotImages)
      .innerJoin(snapshots, eq(snapshots.id, snapshotImages.snapshotId))
      .where(
        and(
          eq(snapshotImages.snapshotId, snapshotId),
          eq(snapshotImages.pageId, pageId),
          eq(snapshots.meetingId, meetingId),
        ),
      )
    return row ?? null
  }
}
