import type { SamlaStore } from '../store.ts'

/** Replaced by the PostgreSQL store (work in progress on its own branch). */
export async function openPostgresStore(_url: string): Promise<SamlaStore> {
  throw new Error('PostgreSQL storage is not available in this build yet')
}
