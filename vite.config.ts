import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './scripts/precompress.ts'

// The client lives in client/; the server (server/src/main.ts) serves client/dist.
// In development `pnpm dev:client` proxies the API and the WebSocket relay to the server.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw alone is 1.7 MB before compression; it is a chunk of its own that only the
    // views with a canvas load (App.tsx).
    chunkSizeWarningLimit: 4096,
    // Brotli at quality 11 (precompress) takes ~4 s of a ~6 s build, on purpose: it runs once
    // per build instead of per request. The timing report would say so after every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
