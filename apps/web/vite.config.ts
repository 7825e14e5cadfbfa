import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite/precompress';

const apiOrigin = `http://localhost:${process.env.PORT ?? '3000'}`;
const devPort = Number(process.env.WEB_DEV_PORT ?? 5173);

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // Workspace packages export their TypeScript under the `source` condition: use it directly.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    port: devPort,
    strictPort: true,
    // Same origin for the browser: the API's dev script sets APP_URL to this server, so its CSRF
    // check (Origin === APP_URL) accepts the proxied requests as they are.
    proxy: { '/api': { target: apiOrigin } },
  },
  preview: { port: devPort },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps stay in dist for error reports; the files name none and the server never serves one.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-transition-group|react-number-format)/ },
            { name: 'forms', test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/ },
            { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|openapi-fetch)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
    unstubGlobals: true,
  },
});
