import type { CreateProcessRequest, Process, UpdateProcessRequest } from '@samla/shared'
import { eq } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { processes } from '../../db/pg/schema.ts'
import { hashToken, newToken } from '../../meetings/tokens.ts'
import { type ProcessRow, toProcess } from '../processRows.ts'
import type { ProcessRepository } from '../repositories.ts'

/** Kraftsamling processes in PostgreSQL; the same behaviour as sqlite/processes.ts. */
export class PgProcesses implements ProcessRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

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
    await this.db.insert(processes).values(row)
    return { process: toProcess(row), token }
  }

  async get(id: string): Promise<Process | null> {
    const [row] = await this.db.select().from(processes).where(eq(processes.id, id))
    return row ? toProcess(row) : null
  }

  async verify(id: string, token: string): Promise<boolean> {
    const [row] = await this.db
      .select({ hash: processes.tokenHash })
      .from(processes)
      .where(eq(processes.id, id))
    return row?.hash === hashToken(token)
  }

  async update(id: string, changes: UpdateProcessRequest): Promise<Process | null> {
    if (Object.keys(changes).length > 0)
      await this.db.update(processes).set(changes).where(eq(processes.id, id))
    return this.get(id)
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(processes).where(eq(processes.id, id))
  }

  async publish(id: string): Promise<string> {
    const current = await this.publicationToken(id)
    if (current) return current
    const token = newToken()
    await this.db.update(processes).set({ publicationToken: token }).where(eq(processes.id, id))
    return token
  }

  async unpublish(id: string): Promise<void> {
    await this.db.update(processes).set({ publicationToken: null }).where(eq(processes.id, id))
  }

  async publicationToken(id: string): Promise<string | null> {
    const [row] = await this.db
      .select({ token: processes.publicationToken })
      .from(processes)
      .where(eq(processes.id, id))
    return row?.token ?? null
  }

  async byPublicationToken(token: string): Promise<Process | null> {
    const [row] = await this.db
      .select()
      .from(processes)
      .where(eq(processes.publicationToken, token))
    return row ? toProcess(row) : null
  }
}
