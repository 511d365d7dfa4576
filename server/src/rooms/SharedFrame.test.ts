import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { SharedFrame } from './SharedFrame.ts'

let server: WebSocketServer | null = null
afterEach(() => {
  server?.close()
  server = null
})

/** Writes frames on the raw TCP socket of a real ws connection, as the room does. */
async function receiveThroughRawSocket(payloads: Uint8Array[]): Promise<Buffer[]> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
  const wss = server
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  wss.on('connection', (_ws, req) => {
    for (const payload of payloads) req.socket.write(new SharedFrame(payload).framed)
  })
  const { port } = wss.address() as AddressInfo
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { maxPayload: 1 << 20 })
  const received: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    client.on('error', reject)
    client.on('close', (code) => reject(new Error(`closed ${code}`)))
    client.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true)
      received.push(data)
      if (received.length === payloads.length) resolve()
    })
  })
  client.terminate()
  return received
}

describe('SharedFrame', () => {
  it('frames payloads of every length class so that a stock client reads them back', async () => {
    // 7-bit, 16-bit and 64-bit lengths, and the boundaries between them.
    const sizes = [0, 1, 125, 126, 65535, 65536, 200_000]
    const payloads = sizes.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) % 251))
    const received = await receiveThroughRawSocket(payloads)
    expect(received.map((b) => b.length)).toEqual(sizes)
    expect(received.map((b, i) => b.equals(Buffer.from(payloads[i] ?? [])))).not.toContain(false)
  })

  it('frames once however many sockets write it', () => {
    const frame = new SharedFrame(new Uint8Array([0, 2, 1, 7]))
    expect(frame.framed).toBe(frame.framed)
    expect([...frame.framed]).toEqual([0x82, 4, 0, 2, 1, 7])
  })
})
