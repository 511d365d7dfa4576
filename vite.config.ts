import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { precompress } from './scripts/precompress.ts'

const page = (file: string) => fileURLToPath(new URL(`./client/${file}`, import.meta.url))

/** In development, /j and /j/<code> are join.html, as the server serves them (http/static.ts). */
function joinPage(): Plugin {
  return {
    name: 'samla:join-page',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/j(\/[^?]*)?(\?.*)?$/.test(req.url)) req.url = '/join.html'
        next()
      })
    },
  }
}

// The client lives in client/; the server (server/src/main.ts) serves client/dist.
// In development `pnpm dev:client` proxies the API and the WebSocket relay to the server.
export default defineConfig({
  root: 'client',
  plugins: [react(), joinPage(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw alone is 1.7 MB before compression; it is a chunk of its own that only the
    // views with a canvas load (App.tsx).
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Two pages: the app, and the join page without React (join.html, src/phone/join.ts).
      input: { index: page('index.html'), join: page('join.html') },
      // Brotli at quality 11 (precompress) takes ~4 s of a ~6 s build, on purpose: it runs
      // once per build instead of per request. The timing report would say so every build.
      checks: { bundlerTimings: false },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
