import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The client lives in client/; the server (server/src/main.ts) serves client/dist.
// In development `pnpm dev:client` proxies the API and the WebSocket relay to the server.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw is large; splitting it keeps the start page light.
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
