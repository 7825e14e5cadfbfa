import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * No container engine runs here: docker-compose.yml is checked against the topology `npm run cluster`
 * starts (apps/api/scripts/cluster/topology.mjs), which the cluster test drives.
 */
const apiDir = path.resolve(__dirname, '..');
const root = path.resolve(apiDir, '../..');

interface Topology {
  database: { kind: string };
  files: { kind: string; bucket: string };
  web: { role: string; replicas: number; variables: string[]; healthPath: string };
  worker: { role: string; replicas: number; variables: string[] };
  balancer: { kind: string; balance: string; healthPath: string; backend: string };
}

interface ComposeService {
  image?: string;
  build?: { dockerfile?: string };
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: string[] | Record<string, unknown>;
  volumes?: string[];
  ports?: string[];
}

function clusterTopology(): Topology {
  const script = "import('./scripts/cluster/topology.mjs').then((m) => process.stdout.write(JSON.stringify(m.describeTopology())))";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: apiDir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Topology;
}

describe('docker-compose.yml and the cluster script describe the same services', () => {
  const topology = clusterTopology();
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const apiServices = Object.entries(services).filter(([, service]) => service.build?.dockerfile === 'apps/api/Dockerfile');
  /** The one API service of `role`: [name, service]. */
  const byRole = (role: string): [string, ComposeService] => {
    const found = apiServices.filter(([, service]) => service.environment?.PROCESS_ROLE === role);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('has one PostgreSQL and one S3 store holding the bucket the replicas use', () => {
    expect(Object.values(services).filter((s) => s.image?.startsWith('postgres:'))).toHaveLength(1);
    expect(Object.values(services).filter((s) => s.image?.startsWith('minio/minio'))).toHaveLength(1);
    for (const [, service] of apiServices) {
      expect(service.environment?.STORAGE).toBe('s3');
      expect(service.environment?.S3_BUCKET).toBe(topology.files.bucket);
    }
  });

  it('runs every API process as a web or a worker role of the same image, as many as the cluster', () => {
    expect(apiServices.map(([, service]) => service.environment?.PROCESS_ROLE).sort()).toEqual(['web', 'worker']);
    const [, web] = byRole(topology.web.role);
    const [, worker] = byRole(topology.worker.role);
    expect(web.deploy?.replicas).toBe(topology.web.replicas);
    expect(worker.deploy?.replicas ?? 1).toBe(topology.worker.replicas);
  });

  it('gives each role the variables the cluster gives it', () => {
    const [, web] = byRole('web');
    const [, worker] = byRole('worker');
    expect(Object.keys(web.environment ?? {}).sort()).toEqual(topology.web.variables);
    expect(Object.keys(worker.environment ?? {}).sort()).toEqual(topology.worker.variables);
    // The replicas and the worker share one database and one store.
    for (const name of ['DATABASE_URL', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'APP_URL']) {
      expect(worker.environment?.[name]).toBe(web.environment?.[name]);
    }
  });

  it('checks the web replicas on the health path the balancer uses; the worker has no HTTP check', () => {
    const [, web] = byRole('web');
    const [, worker] = byRole('worker');
    expect(web.healthcheck?.test?.join(' ')).toContain(topology.web.healthPath);
    expect(worker.healthcheck?.disable).toBe(true);
  });

  it('puts haproxy in front of the web replicas: the same balancing and health check as the cluster', () => {
    const [webName, web] = byRole('web');
    const balancers = Object.entries(services).filter(([, s]) => s.image?.startsWith(`${topology.balancer.kind}:`));
    expect(balancers).toHaveLength(1);
    const [, balancer] = balancers[0]!;
    expect(Object.keys(Array.isArray(balancer.depends_on) ? Object.fromEntries(balancer.depends_on.map((d) => [d, 1])) : (balancer.depends_on ?? {}))).toContain(webName);
    expect(balancer.ports).toEqual(['3000:3000']);
    // Only the balancer is published; the replicas are reached through it.
    expect(web.ports).toBeUndefined();
    const mount = balancer.volumes?.find((v) => v.endsWith(':/usr/local/etc/haproxy/haproxy.cfg:ro'));
    expect(mount).toBeDefined();
    const config = readFileSync(path.join(root, mount!.split(':')[0]!), 'utf8');
    expect(config).toMatch(new RegExp(`^\\s*balance ${topology.balancer.balance}$`, 'm'));
    expect(config).toMatch(new RegExp(`^\\s*option httpchk GET ${topology.balancer.healthPath}$`, 'm'));
    expect(config).toMatch(new RegExp(`^\\s*server-template \\S+ \\d+ ${webName}:${web.environment?.PORT}\\b.*\\bcheck\\b`, 'm'));
    expect(config).toMatch(/^\s*http-request set-header X-Forwarded-For %\[src\]$/m);
  });

  // haproxy is installed by .ci/run (and by `npm run cluster` when missing); a machine without it skips this check.
  const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((candidate) => existsSync(candidate));
  (haproxy ? it : it.skip)('has a balancer configuration haproxy itself accepts', () => {
    const check = spawnSync(haproxy!, ['-c', '-f', path.join(root, 'deploy/haproxy.cfg')], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('Configuration file is valid');
    expect(check.status).toBe(0);
  });
});

