import { describe, expect, it } from 'vitest';
import type { TJuryRankingItem } from './jury-api';
import { orderRanking } from './ranking';

const item = (label: string, weightedScore: number | null, status: 'DRAFT' | 'SUBMITTED' = 'SUBMITTED'): TJuryRankingItem => ({
  assignmentId: label,
  applicationLabel: label,
  title: null,
  status,
  weightedScore,
  rank: null,
});

describe('the juror ranking order', () => {
  it('puts the best weighted score first, ties by label, unscored last', () => {
    const ordered = orderRanking([item('C', 40), item('A', null, 'DRAFT'), item('B', 90), item('E', 40), item('D', 65.5, 'DRAFT')]);
    expect(ordered.map((entry) => entry.applicationLabel)).toEqual(['B', 'D', 'C', 'E', 'A']);
  });
});
