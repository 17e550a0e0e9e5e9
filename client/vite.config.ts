import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

// The Fourwall server (default port 3000) serves the built client itself; `vite dev` is only for
// working on the client, so it forwards every server route there.
const server = 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Bundle @fourwall/shared from its TypeScript source, so the client never needs a build of it.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/yjs': { target: server, ws: true },
      '/socket.io': { target: server, ws: true },
      '/api': server,
      '/healthz': server,
    },
  },
})
