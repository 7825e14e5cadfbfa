import { createPrismaClient } from '@tahkim/db';
import type { TDeadlineReviewList, TWallClock } from '@tahkim/contracts';
import { loadConfigOrExit } from '../config/env';
import { openDatabase } from '../database';
import { DeadlineReviewRepository } from '../modules/calls/deadline-review.repository';
import { listDeadlineReviews } from '../modules/calls/deadline-review.service';

/**
 * One-off report: calls and rounds whose dates were stored before the server converted Casablanca
 * time itself, on or after Morocco's move to UTC+0 (2026-09-20), so possibly typed in a browser whose
 * data still said UTC+1. Changes nothing; staff confirm or move them from the back office's calls list.
 *
 *   npm run report:deadlines -w @tahkim/api [-- --json]
 *
 * Uses DATABASE_URL, or the embedded database under DATA_DIR (then the app must be stopped).
 */
const wall = (clock: TWallClock) => `${clock.dateTime.replace('T', ' ')} (UTC${clock.offset})`;

export function formatReport(report: TDeadlineReviewList): string {
  const lines = [`Time-zone data ${report.dataVersion}: Africa/Casablanca differs from the older rule (UTC+1) from ${report.changedAt} on.`];
  if (report.items.length === 0) {
    lines.push('No call or round has a date left to review.');
    return lines.join('\n');
  }
  lines.push(`${report.items.length} call(s) with dates stored before the server converted them (possibly typed under the old UTC+1 rule):`);
  for (const item of report.items) {
    lines.push('', `${item.slug} — ${item.title.fr || item.title.en || item.title.ar} [${item.status}] (id ${item.callId})`);
    for (const date of item.dates) {
      const what = `${date.roundNumber === null ? 'call' : `round ${date.roundNumber}`} ${date.field}`;
      lines.push(`  ${what.padEnd(18)} stored ${date.at}   reads now ${wall(date.now)}   read under the old rule ${wall(date.underOldRule)}`);
    }
  }
  lines.push('', 'Nothing was changed. Staff confirm these dates as they are, or move them one hour later, from the back office (Calls).');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config, () => {});
  const prisma = createPrismaClient(database.url);
  try {
    const report = await listDeadlineReviews(prisma, new DeadlineReviewRepository());
    process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Report failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
