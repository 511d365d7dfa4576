import { boardContentSchema, type Snapshot, type SnapshotSummary } from '@samla/shared'
import { and, desc, eq } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { SamlaDatabase } from '../../db/client.ts'
import { snapshotImages, snapshots } from '../../db/schema.ts'
import type { ImageMime, NewSnapshot, SnapshotRepository } from '../repositories.ts'

type SnapshotRow = typeof snapshots.$inferSelect

/** Snapshots of meeting boards and their pictures. Rows are inserted, never updated. */
export class SqliteSnapshots implements SnapshotRepository {
  constructor(private readonly db: SamlaDatabase) {}

  async create(input: NewSnapshot): Promise<Snapshot> {
    const row: SnapshotRow = {
      id: newBoardId(),
      meetingId: input.meetingId,
      pageId: input.pageId,
      label: input.label,
      reason: input.reason,
      state: Buffer.from(input.state),
      content: input.content,
      createdAt: new Date(),
    }
    this.db.insert(snapshots).values(row).run()
    return { ...this.summary(row, []), content: input.content }
  }

  /** Newest first. */
  async list(meetingId: string): Promise<SnapshotSummary[]> {
    const rows = this.db
      .select()
      .from(snapshots)
      .where(eq(snapshots.meetingId, meetingId))
      .orderBy(desc(snapshots.createdAt), desc(snapshots.id))
      .all()
    const images = this.db
      .select({ snapshotId: snapshotImages.snapshotId, pageId: snapshotImages.pageId })
      .from(snapshotImages)
      .innerJoin(snapshots, eq(snapshots.id, snapshotImages.snapshotId))
      .where(eq(snapshots.meetingId, meetingId))
      .all()
    return rows.map((row) =>
      this.summary(
        row,
        images.filter((i) => i.snapshotId === row.id).map((i) => i.pageId),
      ),
    )
  }

  async get(meetingId: string, id: string): Promise<Snapshot | null> {
    const row = this.db
      .select()
      .from(snapshots)
      .where(and(eq(snapshots.id, id), eq(snapshots.meetingId, meetingId)))
      .get()
    if (!row) return null
    const images = this.db
      .select({ pageId: snapshotImages.pageId })
      .from(snapshotImages)
      .where(eq(snapshotImages.snapshotId, id))
      .all()
    return {
      ...this.summary(
        row,
        images.map((i) => i.pageId),
      ),
      content: boardContentSchema.parse(row.content),
    }
  }

  /** The Yjs state the snapshot kept. */
  async state(meetingId: string, id: string): Promise<Uint8Array | null> {
    const row = this.db
      .select({ state: snapshots.state })
      .from(snapshots)
      .where(and(eq(snapshots.id, id), eq(snapshots.meetingId, meetingId)))
      .get()
    return row ? new Uint8Array(row.state) : null
  }

  /** Stores a phase's picture once; false if that phase of the snapshot has one already. */
  async putImage(
    snapshotId: string,
    pageId: string,
    mime: ImageMime,
    data: Uint8Array,
  ): Promise<boolean> {
    const result = this.db
      .insert(snapshotImages)
      .values({ snapshotId, pageId, mime, data: Buffer.from(data), createdAt: new Date() })
      .onConflictDoNothing()
      .run()
    return result.changes === 1
  }

  async image(
    meetingId: string,
    snapshotId: string,
    pageId: string,
  ): Promise<{ mime: ImageMime; data: Uint8Array } | null> {
    const row = this.db
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
      .get()
    return row ? { mime: row.mime, data: new Uint8Array(row.data) } : null
  }

  private summary(row: SnapshotRow, images: string[]): SnapshotSummary {
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
}
