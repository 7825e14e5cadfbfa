import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The configuration of one API process, parsed once at start from the environment.
 * A bad value stops the start with one line naming the variable (see `loadConfig`).
 */
const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole port number' })
      .min(1, { error: 'must be between 1 and 65535' })
      .max(65535, { error: 'must be between 1 and 65535' })
      .default(3000),
    /** Defaults to http://localhost:$PORT (see loadConfig), so a server on another port accepts its own pages' sign-ins. */
    APP_URL: httpUrl.optional(),
    ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(8, { error: 'must have at least 8 characters' }).optional(),
    DEMO_DATA: booleanFromString.optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    SMTP_FROM: z.string().min(3).default('Tahkim <no-reply@tahkim.example>'),
    /** First delay before an email delivery is retried (doubling after each failure). Lowered by tests only. */
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(3600).default(15),
    /** How long an email job may stay taken before it goes back to the queue (a killed worker's). Lowered by tests only. */
    EMAIL_JOB_EXPIRY_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(5).max(3600).default(30),
    /**
     * The job queue of the email outbox. Only processes sharing one name deliver each other's emails: tests
     * that run workers against a stopped SMTP server use their own so that no other test's worker sends for them.
     */
    EMAIL_QUEUE: z.string().regex(/^[a-z][a-z0-9._-]{0,59}$/, { error: 'must be lower-case letters, digits, dots, dashes or underscores' }).default('email.send'),
    STORAGE: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
    S3_ENDPOINT: httpUrl.optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_ACCESS_KEY: z.string().min(1).optional(),
    S3_SECRET_KEY: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    // A bare number of hops is refused: it cannot tell a proxy from a client that sends its own
    // X-Forwarded-For (Fastify ignores such a setting since 5.12); name the proxies' addresses instead.
    TRUST_PROXY: z
      .string()
      .refine((value) => !/^\d+$/.test(value), { error: 'must name the proxies\' addresses (or true), not a number of hops' })
      .regex(/^(true|false|[\d.:/a-fA-F, ]+)$/, {
        error: 'must be false, true, or a list of proxy addresses',
      })
      .default('false'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * What this process does: `web` serves HTTP and enqueues jobs, `worker` runs the jobs (emails, reminders)
     * and serves nothing, `all` both (one process, the default). Every role applies pending migrations first,
     * one at a time (PostgreSQL advisory lock).
     */
    PROCESS_ROLE: z.enum(['web', 'worker', 'all'], { error: 'must be web, worker or all' }).default('all'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'must be set together with ' + (env.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'),
      });
    }
    // Replicas share one database: an embedded one belongs to a single process.
    if (env.PROCESS_ROLE !== 'all' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PROCESS_ROLE'], message: `${env.PROCESS_ROLE} needs DATABASE_URL (the embedded PostgreSQL serves one process, PROCESS_ROLE=all)` });
    }
    if (env.STORAGE === 's3') {
      for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STORAGE=s3' });
      }
    }
  });

export type TrustProxy = boolean | string;

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  appUrl: string;
  appOrigin: string;
  secureCookies: boolean;
  admin: { email: string; password: string } | undefined;
  demoData: boolean;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** First retry delay of an email delivery, in seconds (exponential backoff after it). */
  emailRetryDelaySeconds: number;
  /** Expiry of an email job taken by a worker, in seconds. */
  emailJobExpirySeconds: number;
  /** The job queue of the email outbox (default "email.send"). */
  emailQueue: string;
  storage:
    | { driver: 'local'; dir: string }
    | { driver: 's3'; endpoint: string; bucket: string; accessKey: string; secretKey: string; region: string };
  trustProxy: TrustProxy;
  logLevel: string;
  /** web: HTTP only; worker: jobs only; all: both. */
  processRole: 'web' | 'worker' | 'all';
  /** Where the built web app lives; served by the API when present. */
  webDistDir: string;
}

export class ConfigError extends Error {}

/** The repository root: where package-lock.json sits. Relative paths in the configuration start there. */
export function repositoryRoot(start = __dirname): string {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, 'turbo.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function parseTrustProxy(value: string): TrustProxy {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables (e.g. `SMTP_URL=` in a compose file) mean "unset".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const got = present[name] === undefined ? '' : ` (got "${present[name]}")`;
    throw new ConfigError(`Configuration error: ${name} ${issue.message}${got}`);
  }
  const e = parsed.data;
  const appUrl = e.APP_URL ?? `http://localhost:${e.PORT}`;
  const root = repositoryRoot();
  const dataDir = path.resolve(root, e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    port: e.PORT,
    appUrl,
    appOrigin: new URL(appUrl).origin,
    secureCookies: appUrl.startsWith('https://'),
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : undefined,
    // Demo data by default only on the embedded database, never on a real server.
    demoData: e.DEMO_DATA ?? !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    emailRetryDelaySeconds: e.EMAIL_RETRY_DELAY_SECONDS,
    emailJobExpirySeconds: e.EMAIL_JOB_EXPIRY_SECONDS,
    emailQueue: e.EMAIL_QUEUE,
    storage:
      e.STORAGE === 's3'
        ? {
            driver: 's3',
            endpoint: e.S3_ENDPOINT!,
            bucket: e.S3_BUCKET!,
            accessKey: e.S3_ACCESS_KEY!,
            secretKey: e.S3_SECRET_KEY!,
            region: e.S3_REGION,
          }
        : { driver: 'local', dir: path.join(dataDir, 'files') },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    processRole: e.PROCESS_ROLE,
    webDistDir: path.join(root, 'apps', 'web', 'dist'),
  };
}

/** The configuration, or one line on stderr naming the bad variable and exit 1 (server and commands alike). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
