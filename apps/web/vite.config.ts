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
    // Which chunks and stylesheets each page needs: read by the server to preload a rendered page's.
    manifest: true,
    rolldownOptions: {
      // The contracts' schemas are built with zod at module level: unused ones are dropped, so a page
      // that needs a helper of the contracts (isLocale, time-zone maths) does not download zod. (zod's
      // settings are therefore changed with `config` from zod/v4/core, never through `z.`.)
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // React and the router change less often than the app and every page needs them: their own
        // chunk stays cached across releases. Everything else is split by route, so a page downloads
        // only the libraries its own screens use.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
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
