import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { TRanking, TRankingQueryMethod } from '@tahkim/contracts';

const deflateRawAsync = promisify(deflateRaw);

/** Pieces of at least this size are compressed side by side (zlib runs on libuv's thread pool). */
const GZIP_PIECE = 1 << 20;
const GZIP_PIECES = 4;

/**
 * gzip (RFC 1952) of `data`, compressed in up to 4 pieces at once as pigz does: each piece a raw
 * deflate stream ended by a sync flush (the last one finished), so that their concatenation is one
 * valid deflate stream; the header and trailer (CRC-32, length) are written around it. Any gzip
 * reader inflates it; the pieces only lose the matches that would cross their boundaries (under 1 %).
 */
export async function gzipPieces(data: Buffer, level: number): Promise<Buffer> {
  const count = Math.max(1, Math.min(GZIP_PIECES, Math.floor(data.length / GZIP_PIECE)));
  const size = Math.ceil(data.length / count);
  const pieces = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      deflateRawAsync(data.subarray(i * size, Math.min(data.length, (i + 1) * size)), {
        level,
        finishFlush: i === count - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    ),
  );
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level === 1 ? 4 : 0, 255]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  return Buffer.concat([header, ...pieces, trailer]);
}

/** The ranking of one round under one method, as an object (exports) and as the JSON the page receives. */
export interface RankingAnswer {
  /** Made when first asked for (the exports): the page only needs the JSON. */
  readonly ranking: TRanking;
  /** The JSON text, UTF-8. */
  json: Buffer;
  /** The JSON gzipped, made on the first request that accepts it. */
  gzip?: Promise<Buffer>;
}

interface RoundEntry<Base> {
  stamp: string;
  base: Promise<Base>;
  answers: Partial<Record<TRankingQueryMethod, RankingAnswer>>;
}

/**
 * Rankings computed once per round and RankingStamp: the database bumps the call's stamp in the
 * transaction of every change a ranking shows (triggers of migration ranking_sums), so an answer
 * cached under the stamp read before computing it is never older than what that stamp stands for,
 * in this process or any other replica. A request that finds a newer stamp computes again (one
 * computation per round and stamp, however many requests wait for it). Only the last few rounds are
 * kept: a large round's answer holds some 20 MB.
 */
@Injectable()
export class RankingCache<Base = unknown> {
  static readonly ROUNDS = 4;
  private readonly rounds = new Map<string, RoundEntry<Base>>();

  /** The method-independent part of a round's ranking for this stamp, computed by `compute` when missing. */
  base(roundId: string, stamp: string, compute: () => Promise<Base>): { entry: RoundEntry<Base>; base: Promise<Base> } {
    let entry = this.rounds.get(roundId);
    if (!entry || entry.stamp !== stamp) {
      const created: RoundEntry<Base> = { stamp, base: compute(), answers: {} };
      entry = created;
      // A failed computation is not kept: the next request tries again.
      created.base.catch(() => {
        if (this.rounds.get(roundId) === created) this.rounds.delete(roundId);
      });
    }
    // Most recently used last; the oldest round goes first.
    this.rounds.delete(roundId);
    this.rounds.set(roundId, entry);
    while (this.rounds.size > RankingCache.ROUNDS) this.rounds.delete(this.rounds.keys().next().value!);
    return { entry, base: entry.base };
  }

  /** The answer for one method, made from the base once per stamp. */
  answer(entry: RoundEntry<Base>, method: TRankingQueryMethod, make: () => { ranking: () => TRanking; json: string }): RankingAnswer {
    const cached = entry.answers[method];
    if (cached) return cached;
    const made = make();
    let ranking: TRanking | undefined;
    const answer: RankingAnswer = {
      get ranking() {
        ranking ??= made.ranking();
        return ranking;
      },
      json: Buffer.from(made.json, 'utf8'),
    };
    entry.answers[method] = answer;
    return answer;
  }

  /** The gzip of the answer's JSON, made once (a fast level, in pieces side by side: 5.5 MiB take tens of milliseconds). */
  static gzip(answer: RankingAnswer): Promise<Buffer> {
    answer.gzip ??= gzipPieces(answer.json, 1);
    return answer.gzip;
  }

  /** Forgets every round (benchmarks measure the first computation with it). */
  clear(): void {
    this.rounds.clear();
  }
}
