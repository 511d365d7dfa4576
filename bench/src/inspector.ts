import WebSocket from 'ws'

/**
 * A full garbage collection in another Node process, through its inspector (started with
 * `--inspect=<port>`): the same for Samla and the peers, without changing any of them. After
 * it, heap and RSS show what the process really keeps rather than garbage not yet collected.
 */
export async function collectGarbage(inspectorPort: number): Promise<{ heapUsedMiB: number }> {
  const list = (await (
    await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)
  ).json()) as Array<{
    webSocketDebuggerUrl: string
  }>
  const url = list[0]?.webSocketDebuggerUrl
  if (!url) throw new Error('no inspector target')
  const ws = new WebSocket(url)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let nextId = 1
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as {
          id?: number
          result?: unknown
          error?: unknown
        }
        if (message.id !== id) return
        ws.off('message', onMessage)
        if (message.error) reject(new Error(JSON.stringify(message.error)))
        else resolve(message.result)
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id, method, params }))
    })
  try {
    // Twice: the first pass may only queue finalizers that free more.
    await call('HeapProfiler.collectGarbage')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await call('HeapProfiler.collectGarbage')
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number }
    return { heapUsedMiB: Math.round((usage.usedSize / 1024 / 1024) * 10) / 10 }
  } finally {
    ws.close()
  }
}
