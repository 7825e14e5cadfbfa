import { describe, expect, it } from 'vitest';
import type { TJuryAssignment } from './jury-api';
import { nextAssignment } from './next-assignment';

const round = (id: string, status: 'OPEN' | 'CLOSED' = 'OPEN') => ({ id, name: { ar: '', fr: id, en: '' }, status, closesAt: null, blind: true });
const item = (id: string, roundId: string, scorecardStatus: TJuryAssignment['scorecardStatus'], roundStatus: 'OPEN' | 'CLOSED' = 'OPEN'): TJuryAssignment => ({
  id,
  round: round(roundId, roundStatus),
  call: { id: 'c', title: { ar: '', fr: 'Appel', en: '' } },
  applicationLabel: id.toUpperCase(),
  title: null,
  scorecardStatus,
  weightedScore: null,
  secondLook: false,
});

describe('the next assignment after a submitted scorecard', () => {
  it('is the next unsubmitted one of the same round, after the current one, then from the top', () => {
    const items = [item('a', 'r1', 'TO_DO'), item('b', 'r1', 'SUBMITTED'), item('c', 'r1', 'SUBMITTED'), item('d', 'r1', 'DRAFT')];
    expect(nextAssignment(items, 'b')).toMatchObject({ next: { id: 'd' }, remaining: 2 });
    expect(nextAssignment(items, 'd')).toMatchObject({ next: { id: 'a' }, remaining: 1 });
  });

  it('prefers the same round, then another open round, never a closed one', () => {
    const items = [item('x', 'r2', 'TO_DO', 'CLOSED'), item('y', 'r3', 'TO_DO'), item('a', 'r1', 'SUBMITTED'), item('b', 'r1', 'SUBMITTED'), item('c', 'r1', 'TO_DO')];
    expect(nextAssignment(items, 'a')).toMatchObject({ next: { id: 'c' }, remaining: 2 });
    expect(nextAssignment(items, 'c')).toMatchObject({ next: { id: 'y' }, remaining: 1 });
  });

  it('is none when everything open is submitted', () => {
    const items = [item('a', 'r1', 'SUBMITTED'), item('b', 'r1', 'SUBMITTED'), item('x', 'r2', 'TO_DO', 'CLOSED')];
    expect(nextAssignment(items, 'a')).toEqual({ next: null, remaining: 0 });
  });
});
