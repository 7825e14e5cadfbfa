import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { TRanking, TRankingQueryMethod } from '@tahkim/contracts';

const deflateRawAsync = promisify(deflateRaw);

/**
 * The JSON text of an answer, made piece by piece (each a function writing the next part of the text),
 * and its gzip (RFC 1952) made at the same time: each piece is compressed on libuv's thread pool as
 * soon as it is written, while the next one is written, as a raw deflate stream ended by a sync flush
 * (the last one finished), so that their concatenation is one valid deflate stream (as pigz does); the
 * header and trailer (CRC-32, length) go around it. Any gzip reader inflates it; the pieces only lose
 * the matches that would cross their boundaries (well under 1 %).
 */
export function jsonAndGzip(pieces: ReadonlyArray<() => string>, level = 1): { json: Buffer; gzip: Promise<Buffer> } {
  const buffers: Buffer[] = [];
  const deflated: Promise<Buffer>[] = [];
  let crc = 0;
  pieces.forEach((write, i) => {
    const buffer = Buffer.from(write(), 'utf8');
    buffers.push(buffer);
    deflated.push(deflateRawAsync(buffer, { level, finishFlush: i === pieces.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    if (buffer.length > 0) crc = crc32(buffer, crc); // (Node 20 answers 0 for an empty buffer, whatever the value so far)
  });
  const json = Buffer.concat(buffers);
  const gzip = Promise.all(deflated).then((parts) => {
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level === 1 ? 4 : 0, 255]);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(json.length % 2 ** 32, 4);
    return Buffer.concat([header, ...parts, trailer]);
  });
  // Only awaited by requests that accept gzip; a failure (none is expected) must not go unhandled.
  gzip.catch(() => undefined);
  return { json, gzip };
}

/** The ranking of one round under one method, as an object (exports) and as the JSON the page receives. */
export interface RankingAnswer {
  /** Made when first asked for (the exports): the page only needs the JSON. */
  readonly ranking: TRanking;
  /** The JSON text, UTF-8. */
  json: Buffer;
  /** The JSON gzipped, made with it (every browser asks for gzip). */
  gzip: Promise<Buffer>;
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
  answer(entry: RoundEntry<Base>, method: TRankingQueryMethod, make: () => { ranking: () => TRanking; json: ReadonlyArray<() => string> }): RankingAnswer {
    const cached = entry.answers[method];
    if (cached) return cached;
    const made = make();
    let ranking: TRanking | undefined;
    const { json, gzip } = jsonAndGzip(made.json);
    const answer: RankingAnswer = {
      get ranking() {
        ranking ??= made.ranking();
        return ranking;
      },
      json,
      gzip,
    };
    entry.answers[method] = answer;
    return answer;
  }

  /** Forgets every round (benchmarks measure the first computation with it). */
  clear(): void {
    this.rounds.clear();
  }
}
