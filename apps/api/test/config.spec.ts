import { ConfigError, loadConfig } from '../src/config/env';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.storage.driver).toBe('local');
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('turns demo data off on a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/tahkim' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/tahkim', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('takes the public URL from PORT when APP_URL is unset, so sign-ins from its own pages pass the origin check', () => {
    const config = loadConfig({ PORT: '3500' });
    expect(config.appUrl).toBe('http://localhost:3500');
    expect(config.appOrigin).toBe('http://localhost:3500');
    expect(loadConfig({ PORT: '3500', APP_URL: 'https://appels.fondation.example' }).appOrigin).toBe('https://appels.fondation.example');
  });

  it('runs one process for everything by default; web and worker replicas share a real database', () => {
    expect(loadConfig({}).processRole).toBe('all');
    const db = 'postgresql://u:p@db:5432/tahkim';
    expect(loadConfig({ DATABASE_URL: db, PROCESS_ROLE: 'web' }).processRole).toBe('web');
    expect(loadConfig({ DATABASE_URL: db, PROCESS_ROLE: 'worker' }).processRole).toBe('worker');
    expect(errorOf({ PROCESS_ROLE: 'worker' })).toBe(
      'Configuration error: PROCESS_ROLE worker needs DATABASE_URL (the embedded PostgreSQL serves one process, PROCESS_ROLE=all) (got "worker")',
    );
    expect(errorOf({ DATABASE_URL: db, PROCESS_ROLE: 'jobs' })).toBe('Configuration error: PROCESS_ROLE must be web, worker or all (got "jobs")');
  });

  it('uses Secure cookies behind https', () => {
    expect(loadConfig({ APP_URL: 'https://appels.fondation.example/' }).secureCookies).toBe(true);
    expect(loadConfig({ APP_URL: 'https://appels.fondation.example/' }).appUrl).toBe('https://appels.fondation.example');
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT .*\(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be between 1 and 65535/],
    [{ APP_URL: 'localhost:3000' }, /^Configuration error: APP_URL must be an http/],
    [{ DATABASE_URL: 'mysql://x' }, /^Configuration error: DATABASE_URL must be a postgres/],
    [{ DEMO_DATA: 'maybe' }, /^Configuration error: DEMO_DATA must be true or false/],
    [{ TRUST_PROXY: '2' }, /^Configuration error: TRUST_PROXY must name the proxies' addresses/],
    [{ ADMIN_EMAIL: 'admin@fondation.example' }, /^Configuration error: ADMIN_PASSWORD must be set together with ADMIN_EMAIL/],
    [{ STORAGE: 's3' }, /^Configuration error: S3_ENDPOINT is required when STORAGE=s3/],
    [{ SMTP_URL: 'http://mail' }, /^Configuration error: SMTP_URL must be an smtp/],
  ])('stops with one clear line naming the variable: %j', (env, expected) => {
    const message = errorOf(env as Record<string, string>);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });
});
