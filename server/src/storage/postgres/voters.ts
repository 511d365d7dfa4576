import crypto from 'node:crypto'
import type { VoterCredential } from '@samla/shared'
import { and, eq } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { voters } from '../../db/pg/schema.ts'
import { hashToken, newToken } from '../../meetings/tokens.ts'
import type { VoterRepository } from '../repositories.ts'

/** Voter credentials in PostgreSQL; the same behaviour as the SQLite one (votes/voterStore.ts). */
export class PgVoterRepository implements VoterRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async issue(meetingId: string): Promise<VoterCredential> {
    const credential = { voterId: newToken(), secret: newToken() }
    await this.db.insert(voters).values({
      id: credential.voterId,
      meetingId,
      secretHash: hashToken(credential.secret),
      createdAt: new Date(),
    })
    return credential
  }

  async verify(meetingId: string, credential: VoterCredential): Promise<boolean> {
    const [row] = await this.db
      .select({ secretHash: voters.secretHash })
      .from(voters)
      .where(and(eq(voters.id, credential.voterId), eq(voters.meetingId, meetingId)))
    if (!row) return false
    // Both sides are SHA-256 hex digests, always of equal length.
    return crypto.timingSafeEqual(
      Buffer.from(row.secretHash, 'hex'),
      Buffer.from(hashToken(credential.secret), 'hex'),
    )
  }
}
