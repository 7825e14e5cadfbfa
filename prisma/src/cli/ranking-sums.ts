/**
 * `npm run db:ranking-sums [-- --rebuild]`: compares the ranking aggregates kept by the database's
 * triggers with a full recomputation from the scorecards (DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR) and lists any difference; exit code 1 when there is one. `--rebuild` rewrites them from the
 * recomputation (after a restore of some tables, say) and makes every cached ranking stale.
 */
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { resolveDataDir } from '../paths';
import { checkRankingSums } from '../ranking-sums';
import { runCli } from './run';

runCli(async () => {
  const rebuild = process.argv.includes('--rebuild');
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: resolveDataDir(), persistent: true });
    url = embedded.url;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    const report = await checkRankingSums(client, { rebuild });
    const rows = Object.entries(report.rows).map(([table, n]) => `${table} ${n}`).join(', ');
    console.log(`Compared with a full recomputation in ${Date.now() - started} ms (${rows})`);
    if (report.differences.length === 0) console.log('The ranking sums are exact.');
    else {
      console.log(`${report.differences.length} differences, e.g.:`);
      for (const d of report.differences.slice(0, 20)) console.log(`  ${d.table} ${d.key}: stored ${d.stored}, expected ${d.expected}`);
    }
    if (report.rebuilt) console.log('Rebuilt from the recomputation; cached rankings will be computed again.');
    return report.differences.length === 0 || report.rebuilt ? 0 : 1;
  } finally {
    await client.end();
    await embedded?.stop();
  }
});
