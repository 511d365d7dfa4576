import type { CreateProcessRequest, Process, UpdateProcessRequest } from '@samla/shared'
import { eq } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import { type SamlaDatabase, truncateWal } from '../../db/client.ts'
import { processes } from '../../db/schema.ts'
import { hashToken, newToken } from '../../meetings/tokens.ts'
import { type ProcessRow, toProcess } from '../processRows.ts'
import type { ProcessRepository } from '../repositories.ts'

/** Kraftsamling processes in SQLite. */
export class SqliteProcesses implements ProcessRepository {
  constructor(private readonly db: SamlaDatabase) {}

  async create(request: CreateProcessRequest): Promise<{ process: Process; token: string }> {
    const token = newToken()
    const row: ProcessRow = {
      id: newBoardId(),
      name: request.name,
      description: request.description,
      organisers: request.organisers,
      tokenHash: hashToken(token),
      publicationToken: null,
      createdAt: new Date(),
    }
    this.db.insert(processes).values(row).run()
    return { process: toProcess(row), token }
  }

  async get(id: string): Promise<Process | null> {
    const row = this.db.select().from(processes).where(eq(processes.id, id)).get()
    return row ? toProcess(row) : null
  }

  async verify(id: string, token: string): Promise<boolean> {
    const row = this.db
      .select({ hash: processes.tokenHash })
      .from(processes)
      .where(eq(processes.id, id))
      .get()
    return row?.hash === hashToken(token)
  }

  async update(id: string, changes: UpdateProcessRequest): Promise<Process | null> {
    if (Object.keys(changes).length > 0)
      this.db.update(processes).set(changes).where(eq(processes.id, id)).run()
    return this.get(id)
  }

  async delete(id: string): Promise<void> {
    this.db.delete(processes).where(eq(processes.id, id)).run()
    truncateWal(this.db)
  }

  async publish(id: string): Promise<string> {
    const current = await this.publicationToken(id)
    if (current) return current
    const token = newToken()
    this.db.update(processes).set({ publicationToken: token }).where(eq(processes.id, id)).run()
    return token
  }

  async unpublish(id: string): Promise<void> {
    this.db.update(processes).set({ publicationToken: null }).where(eq(processes.id, id)).run()
  }

  async publicationToken(id: string): Promise<string | null> {
    const row = this.db
      .select({ token: processes.publicationToken })
      .from(processes)
      .where(eq(processes.id, id))
      .get()
    return row?.token ?? null
  }

  async byPublicationToken(token: string): Promise<Process | null> {
    const row = this.db.select().from(processes).where(eq(processes.publicationToken, token)).get()
    return row ? toProcess(row) : null
  }
}
