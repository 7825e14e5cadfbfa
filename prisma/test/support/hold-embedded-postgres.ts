// Child process for the recovery tests: starts the embedded PostgreSQL on argv[2], prints its URL,
// then waits forever (until the test kills it).
import { startEmbeddedPostgres } from '../../src/embedded-postgres';

startEmbeddedPostgres({ dataDir: process.argv[2]!, persistent: true }).then(
  (server) => {
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    setInterval(() => {}, 60_000);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
