// Hocuspocus with its defaults and no extensions (nothing persisted), as a peer to measure against.
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT)
const server = new Server({ port, address: '127.0.0.1', quiet: true })
await server.listen()
console.log(JSON.stringify({ msg: 'listening', port }))
