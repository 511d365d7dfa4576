import crypto from 'node:crypto'
import type { VoterCredential } from '@samla/shared'
import { and, eq } from 'drizzle-orm'
import type { SamlaDatabase } from '../../db/client.ts'
import { voters } from '../../db/schema.ts'
import { hashToken, newToken } from '../../meetings/tokens.ts'
import type { VoterRepository } from '../repositories.ts'

/**
 * Voter credentials: the server picks the voter id, so a browser can no longer invent as many
 * voters as it likes, and keeps only the secret's hash, so the file does not hand them out.
 */
export class SqliteVoters implements VoterRepository {
  constructor(private readonly db: SamlaDatabase) {}

  /** A new voter of the meeting; the secret is returned this once and never stored. */
  async issue(meetingId: string): Promise<VoterCredential> {
    const credential = { voterId: newToken(), secret: newToken() }
    this.db
      .insert(voters)
      .values({
        id: credential.voterId,
        meetingId,
        secretHash: hashToken(credential.secret),
        createdAt: new Date(),
      })
      .run()
    return credential
  }

  /** True when the credential was issued for this meeting (and the meeting still has it). */
  async verify(meetingId: string, credential: VoterCredential): Promise<boolean> {
    const row = this.db
      .select({ secretHash: voters.secretHash })
      .from(voters)
      .where(and(eq(voters.id, credential.voterId), eq(voters.meetingId, meetingId)))
      .get()
    if (!row) return false
    // Both sides are SHA-256 hex digests, always of equal length.
    return crypto.timingSafeEqual(
      Buffer.from(row.secretHash, 'hex'),
      Buffer.from(hashToken(credential.secret), 'hex'),
    )
  }
}
