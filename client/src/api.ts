import { type Board, boardSchema, type ClientConfig, clientConfigSchema } from '@samla/shared'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function request(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, `${init?.method ?? 'GET'} ${path}: ${res.status}`)
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

export async function getClientConfig(): Promise<ClientConfig> {
  return clientConfigSchema.parse(await request('/api/config'))
}

/** Where the y-websocket provider connects: this origin, /ws/<board>. */
export function relayUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}
