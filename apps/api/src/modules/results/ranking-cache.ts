import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { TRanking, TRankingQueryMethod } from '@tahkim/contracts';

const gzipAsync = promisify(gzip);

/** The ranking of one round under one method, as an object (exports) and as the JSON the page receives. */
export interface RankingAnswer {
  ranking: TRanking;
  json: string;
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
  answer(entry: RoundEntry<Base>, method: TRankingQueryMethod, make: () => TRanking): RankingAnswer {
    const cached = entry.answers[method];
    if (cached) return cached;
    const ranking = make();
    const answer: RankingAnswer = { ranking, json: JSON.stringify(ranking) };
    entry.answers[method] = answer;
    return answer;
  }

  static gzip(answer: RankingAnswer): Promise<Buffer> {
    answer.gzip ??= gzipAsync(answer.json, { level: 4 });
    return answer.gzip;
  }

  /** Forgets every round (benchmarks measure the first computation with it). */
  clear(): void {
    this.rounds.clear();
  }
}
