import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { type Options } from 'pino-http';
import { loadConfig } from '../src/config/env';
import { loggerOptions } from '../src/logger';

const TOKEN = 'Zq3v9yKp0Q4m2nT8wX1cL7bR5dF6gH0jA2sD4fG6hJ8';

/** The app's request logger on a bare HTTP server, writing its JSON lines into `lines`. */
async function loggedServer(lines: string[]): Promise<Server> {
  const options = loggerOptions(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'info' })).pinoHttp as Options;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = pinoHttp({ ...options, transport: undefined }, sink);
  const server = createServer((request, response) => {
    logger(request, response);
    // Code that logs an email or a URL as it comes: the logger still hides the links' secrets.
    request.log.info({ url: request.url }, `Email captured:\nhttp://localhost:3000/reset-password?token=${TOKEN}`);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('logs', () => {
  it('never carry a one-time token: request URLs, Referer, messages and url fields are redacted', async () => {
    const lines: string[] = [];
    const server = await loggedServer(lines);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const path of [`/api/invitations/${TOKEN}/accept`, `/api/invitations/${TOKEN}`, `/invitations/${TOKEN}`, `/reset-password?token=${TOKEN}&lang=fr`]) {
        await fetch(`${base}${path}`, { headers: { Referer: `http://localhost:3000/invitations/${TOKEN}` } });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(log).not.toContain(TOKEN);
    expect(log).toContain('/api/invitations/[redacted]/accept');
    expect(log).toContain('/reset-password?token=[redacted]&lang=fr');
    expect(log).toContain('"referer":"http://localhost:3000/invitations/[redacted]"');
  });
});
