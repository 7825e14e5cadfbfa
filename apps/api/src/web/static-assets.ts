import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../common/errors/app-error';

/** Vite names the files under /assets/ after their content: a new build means new names. */
const HASHED_ASSET = /^\/assets\//;
const SOURCE_MAP = /\.map$/i;

/**
 * Serves the built web app's files (apps/web/dist):
 * - hashed assets are cached for a year and never revalidated; anything else (index.html, favicon)
 *   is revalidated on every use, so a release shows at once;
 * - the `.br`/`.gz` siblings written at build time are sent to a browser that accepts them (brotli
 *   first), with `Vary: Accept-Encoding`; they are already compressed, so nothing compresses them again;
 * - source maps stay on disk for error reports and are never served.
 */
export async function registerWebAssets(fastify: FastifyInstance, root: string): Promise<void> {
  fastify.addHook('onRequest', async (request) => {
    const pathname = pathOf(request.url);
    if (SOURCE_MAP.test(pathname) && !pathname.startsWith('/api/')) throw new AppError('NOT_FOUND');
  });
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply) => {
      reply.header('cache-control', cacheControlFor(pathOf(reply.request.url)));
    },
  });
}

export function cacheControlFor(pathname: string): string {
  return HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
