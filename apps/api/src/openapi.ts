import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '@tahkim/db';
import { loadConfig } from './config/env';
import { createApp } from './create-app';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes apps/api/openapi.json from the code (no database needed: nothing is queried).
 * `--check` fails instead when the committed file differs, so a stale document cannot land.
 */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const url = 'postgresql://openapi@127.0.0.1:1/none';
  const app = await createApp(config, createPrismaClient(url), url, { logger: false });
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const OPENAPI_FILE = path.resolve(__dirname, '..', 'openapi.json');

if (require.main === module) {
  void renderOpenApi().then((text) => {
    writeFileSync(OPENAPI_FILE, text);
    process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
    process.exit(0);
  });
}
