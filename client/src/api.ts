import {
  type Board,
  type BoardAccess,
  boardAccessSchema,
  boardSchema,
  type ClientConfig,
  clientConfigSchema,
} from '@samla/shared'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message)
  }
}

export async function request(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    // The server's error code ("no_votes_left", "too_many_attempts") lets pages say what went wrong.
    const code = (body as { error?: { code?: unknown } } | null)?.error?.code
    throw new ApiError(
      res.status,
      `${init?.method ?? 'GET'} ${path}: ${res.status}`,
      typeof code === 'string' ? code : null,
    )
  }
  return body
}

export async function createBoard(title: string): Promise<Board> {
  const body = title.trim() ? { title: title.trim() } : {}
  return boardSchema.parse(
    await request('/api/boards', { method: 'POST', body: JSON.stringify(body) }),
  )
}

export async function getBoard(id: string): Promise<Board> {
  return boardSchema.parse(await request(`/api/boards/${encodeURIComponent(id)}`))
}

/** What this page's link may do on the board (a meeting's links carry a token). */
export async function getBoardAccess(id: string, token: string | null): Promise<BoardAccess> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  return boardAccessSchema.parse(
    await request(`/api/boards/${encodeURIComponent(id)}/access`, { headers }),
  )
}

/** The Authorization header of a capability link. */
export function bearer(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** A meeting link's token lives in the fragment (`#k=…`), which is never sent to a server. */
export function linkToken(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('k')
}

export async function getClientConfig(): Promise<ClientConfig> {
  return clientConfigSchema.parse(await request('/api/config'))
}

/** Where the y-websocket provider connects: this origin, /ws/<board>. */
export function relayUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}
