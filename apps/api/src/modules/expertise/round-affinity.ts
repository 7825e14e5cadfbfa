import { Injectable } from '@nestjs/common';
import type { Prisma } from '@tahkim/db';
import type { RoundRef } from '../rounds/round-applications';
import { applicationTopics } from './application-topics';
import { ExpertiseRepository } from './expertise.repository';

export interface AffinityRound extends RoundRef {
  expertiseWeight: number;
  bidWeight: number;
}

/** What the planner reads of a round's expertise and bids, and how a chosen pair is explained. */
export interface RoundAffinityInputs {
  affinity: Array<[jurorId: string, applicationId: string, affinity: number]>;
  /** Pairs where the juror knows a topic of the application (none when the expertise weight is 0: expertise is then ignored). */
  knows: Array<[jurorId: string, applicationId: string]>;
  /** "Rather not" bids. */
  avoid: Array<[jurorId: string, applicationId: string]>;
  topicsOf: Map<string, string[]>;
  expertiseOf: Map<string, string[]>;
  /** The topics of the application the juror knows, and their bid: why a pair was chosen. */
  explain(jurorId: string, applicationId: string): { topics: string[]; bid: 'WANT' | 'RATHER_NOT' | null };
}

/**
 * A pair's affinity is the round's expertise weight when the juror knows one of the application's topics,
 * plus its bid weight when they asked to read it; "rather not" bids are passed apart (the planner avoids
 * them before anything else). Built by topic, so the work follows the matching pairs, not jurors x applications.
 */
@Injectable()
export class RoundAffinity {
  constructor(private readonly repo: ExpertiseRepository) {}

  async read(tx: Prisma.TransactionClient, round: AffinityRound, jurors: Array<{ id: string; expertise: string[] }>): Promise<RoundAffinityInputs> {
    const call = await tx.call.findUniqueOrThrow({ where: { id: round.callId }, select: { topicFieldKey: true } });
    const topics = await this.repo.callTopics(tx, round.callId);
    const rows = await this.repo.roundTopicRows(tx, round, call.topicFieldKey);
    const bids = await this.repo.bids(tx, round.id);
    const known = new Set(topics.map((t) => t.key));
    const topicsOf = new Map(rows.map((row) => [row.id, applicationTopics(topics, row).topics]));
    const expertiseOf = new Map(jurors.map((j) => [j.id, j.expertise.filter((key) => known.has(key))]));
    const expertiseSets = new Map([...expertiseOf].map(([jurorId, keys]) => [jurorId, new Set(keys)]));
    const byTopic = new Map<string, string[]>();
    for (const [applicationId, keys] of topicsOf) {
      for (const key of keys) {
        const list = byTopic.get(key);
        if (list) list.push(applicationId);
        else byTopic.set(key, [applicationId]);
      }
    }
    // Per juror: the applications they asked to read, and their bids (no string keys: a round has up to
    // millions of juror x application pairs, and hundreds of thousands of matches).
    const wanted = new Map<string, Set<string>>();
    const bidsOf = new Map<string, Map<string, 'WANT' | 'RATHER_NOT'>>();
    for (const b of bids) {
      let own = bidsOf.get(b.jurorId);
      if (!own) bidsOf.set(b.jurorId, (own = new Map()));
      own.set(b.applicationId, b.preference);
      if (b.preference !== 'WANT') continue;
      let set = wanted.get(b.jurorId);
      if (!set) wanted.set(b.jurorId, (set = new Set()));
      set.add(b.applicationId);
    }

    const expertiseWeight = Math.max(0, round.expertiseWeight);
    const bidWeight = Math.max(0, round.bidWeight);
    const affinity: Array<[string, string, number]> = [];
    const knows: Array<[string, string]> = [];
    const matchedOf = new Map<string, Set<string>>();
    if (expertiseWeight > 0) {
      for (const [jurorId, expertise] of expertiseOf) {
        const matched = new Set<string>();
        for (const key of expertise) for (const applicationId of byTopic.get(key) ?? []) matched.add(applicationId);
        matchedOf.set(jurorId, matched);
        const wants = wanted.get(jurorId);
        for (const applicationId of matched) {
          knows.push([jurorId, applicationId]);
          affinity.push([jurorId, applicationId, expertiseWeight + (wants?.has(applicationId) ? bidWeight : 0)]);
        }
      }
    }
    const avoid: Array<[string, string]> = [];
    for (const b of bids) {
      if (b.preference === 'RATHER_NOT') avoid.push([b.jurorId, b.applicationId]);
      else if (bidWeight > 0 && !matchedOf.get(b.jurorId)?.has(b.applicationId)) affinity.push([b.jurorId, b.applicationId, bidWeight]);
    }
    return {
      affinity,
      knows,
      avoid,
      topicsOf,
      expertiseOf,
      // Only what the planner weighed: no expertise reason at weight 0, no "asked to read it" at bid weight 0.
      explain(jurorId, applicationId) {
        const expertise = expertiseWeight > 0 ? (expertiseSets.get(jurorId) ?? new Set<string>()) : new Set<string>();
        const bid = bidsOf.get(jurorId)?.get(applicationId) ?? null;
        return { topics: (topicsOf.get(applicationId) ?? []).filter((key) => expertise.has(key)), bid: bid === 'WANT' && bidWeight === 0 ? null : bid };
      },
    };
  }
}
