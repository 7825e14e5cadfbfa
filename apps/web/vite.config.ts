import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, type BuildEnvironmentOptions } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite/precompress';

/** The browser's build: served from dist/ by the API. */
const clientBuild = {
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
} satisfies BuildEnvironmentOptions;

/**
 * The server's rendering of the public pages (src/entry-server.tsx), outside dist/ so it is never
 * served: the API imports it to send those pages' content in their HTML.
 */
const serverBuild = {
  outDir: 'dist-server',
  emptyOutDir: true,
  sourcemap: true,
  rolldownOptions: {
    output: { entryFileNames: 'entry-server.js' },
    // The server takes every translation and the Markdown renderer at once (the browser loads them on
    // demand): their dynamic imports are meant not to split here.
    checks: { ineffectiveDynamicImport: false },
  },
} satisfies BuildEnvironmentOptions;

const apiOrigin = `http://localhost:${process.env.PORT ?? '3000'}`;
const devPort = Number(process.env.WEB_DEV_PORT ?? 5173);

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), precompress()],
  resolve: {
    // Workspace packages export their TypeScript under the `source` condition: use it directly.
    conditions: ['source', ...defaultClientConditions],
  },
  ssr: {
    resolve: { conditions: ['source', ...defaultServerConditions] },
    // The server's rendering of the public pages (`vite build --ssr`, read by the API) carries every
    // library it uses: it runs from dist-server/ alone, whatever node_modules the API was installed with.
    noExternal: true,
  },
  server: {
    port: devPort,
    strictPort: true,
    // Same origin for the browser: the API's dev script sets APP_URL to this server, so its CSRF
    // check (Origin === APP_URL) accepts the proxied requests as they are.
    proxy: { '/api': { target: apiOrigin } },
  },
  preview: { port: devPort },
  build: isSsrBuild ? serverBuild : clientBuild,
  test: {
    environment: 'jsdom',
    // Vitest leaves a core free by default: on a 2-core machine that is one worker for 70 files.
    maxWorkers: 2,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
    unstubGlobals: true,
  },
}));
