import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, type PrismaClient } from '@tahkim/db';
import { loadConfig } from '../src/config/env';
import { createApp } from '../src/create-app';
import { APP_ORIGIN } from './support/test-app';

/** A build of the web app as Vite leaves it: a hashed script with its precompressed copies and its hidden map. */
function fakeWebBuild(): { dir: string; script: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tahkim-web-'));
  mkdirSync(path.join(dir, 'assets'));
  const script = `export const greeting = ${JSON.stringify('مرحبا '.repeat(400))};\n`;
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(script));
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(script));
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3,"sources":["src/main.tsx"],"mappings":""}');
  return { dir, script };
}

describe('serving the built web app', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaClient;
  let web: { dir: string; script: string };
  /** Raw answers, bytes as sent: nothing decompresses them on the way. */
  let get: (url: string, headers?: Record<string, string>) => Promise<{ statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer; body: string }>;

  beforeAll(async () => {
    web = fakeWebBuild();
    const databaseUrl = process.env.DATABASE_URL!;
    const config = { ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, APP_URL: APP_ORIGIN, LOG_LEVEL: 'silent' }), webDistDir: web.dir };
    prisma = createPrismaClient(databaseUrl);
    app = await createApp(config, prisma, databaseUrl, { logger: false, serveWeb: true });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const fastify = app.getHttpAdapter().getInstance();
    get = (url, headers = {}) => fastify.inject({ method: 'GET', url, headers });
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    rmSync(web.dir, { recursive: true, force: true });
  });

  const script = '/assets/index-Ab12Cd34.js';
  const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

  it('caches a hashed asset for a year, never to be revalidated', async () => {
    const res = await get(script, { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
  });

  it('sends the brotli copy to a browser that accepts it, whatever the order it lists encodings in', async () => {
    for (const accepted of ['gzip, deflate, br, zstd', 'br', 'br;q=1.0, gzip;q=0.8']) {
      const res = await get(script, { 'accept-encoding': accepted });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(web.script);
    }
  });

  it('sends the gzip copy to a browser without brotli, compressed once', async () => {
    const res = await get(script, { 'accept-encoding': 'gzip, deflate' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    // The stored .gz file as it is: a second compression would not gunzip to the script.
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(web.script);
  });

  it('sends the file as it is to a client that accepts no compression, still saying that it varies', async () => {
    const res = await get(script, { 'accept-encoding': 'identity' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.toString('utf8')).toBe(web.script);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(web.script));
  });

  it('serves no source map, whatever the client asks for', async () => {
    for (const url of [`${script}.map`, `${script}.map?v=1`]) {
      for (const accept of ['*/*', 'text/html,application/xhtml+xml']) {
        const res = await get(url, { accept, 'accept-encoding': 'br, gzip' });
        expect(res.statusCode).toBe(404);
        expect(JSON.parse(res.body)).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      }
    }
  });

  it('has the browser revalidate index.html and any file without a hash in its name', async () => {
    const page = await get('/calls', { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    for (const url of ['/index.html', '/favicon.svg']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('still compresses API answers as they are sent', async () => {
    const res = await get('/api/docs-json', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).toHaveProperty('openapi');
  });
});
