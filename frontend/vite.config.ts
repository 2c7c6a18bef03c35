/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The Spring Boot backend. In development the browser only ever talks to Vite, which
// forwards these paths, so the session cookie, the XSRF-TOKEN cookie and the single
// sign-on redirects all stay on one origin, as they do in production.
const backend = process.env.TONGBAN_BACKEND_URL ?? 'http://localhost:8080'
const backendPaths = [
  '/api',
  '/login',
  '/logout',
  '/oauth2',
  '/actuator',
  '/v3',
  // the embedded identity provider (Spring Authorization Server) of the default profile
  '/idp',
  '/.well-known',
  '/connect',
  '/userinfo',
]

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // the app's own files, and the shipped service definitions, which unit tests check forms against
    fs: { allow: ['.', '../workflows'] },
    proxy: Object.fromEntries(
      backendPaths.map((path) => [path, { target: backend, xfwd: true }]),
    ),
  },
  build: {
    // The jar carries the app under static/, which Spring Boot serves at "/".
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // antd's shared core is ~620 kB minified (~200 kB gzipped) and cached on its own; the largest
    // lazy chunk is mermaid's grammar parser (langium, ~660 kB), which the portal's state
    // diagrams never load.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Only what the first page load needs ('$initial'): libraries behind a dynamic import()
        // (mermaid with d3, dagre, … for the guidance page's diagram) stay in lazy chunks.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              tags: ['$initial'],
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
              tags: ['$initial'],
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    // e2e/ holds Playwright specs; they run against a live backend, never here.
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
})
