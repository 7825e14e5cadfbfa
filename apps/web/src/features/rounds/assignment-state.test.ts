import type { TRoundAssignments } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { cellKey, indexAssignments, suggestedPairs, toAssignmentPairs, toggleCell } from './assignment-state';

const data: TRoundAssignments = {
  jurors: [
    { id: 'j1', displayName: 'Amina' },
    { id: 'j2', displayName: 'Youssef' },
  ],
  applications: [{ id: 'a1', reference: 'FIS-2026-0001', title: null }],
  assignments: [{ id: 's1', jurorId: 'j1', applicationId: 'a1', scorecardStatus: 'SUBMITTED' }],
  conflicts: [{ jurorId: 'j2', applicationId: 'a1' }],
  suggestions: [],
};

describe('assignment toggling', () => {
  const index = indexAssignments(data);
  it('never assigns a conflicted pair nor removes a submitted one', () => {
    expect(toggleCell(index, index.initial, cellKey('j2', 'a1'))).toBe(index.initial);
    expect(toggleCell(index, index.initial, cellKey('j1', 'a1'))).toBe(index.initial);
    expect(toAssignmentPairs(index.initial)).toEqual([{ jurorId: 'j1', applicationId: 'a1' }]);
  });
  it('adds and removes a free pair', () => {
    const free = indexAssignments({ ...data, conflicts: [] });
    const added = toggleCell(free, free.initial, cellKey('j2', 'a1'));
    expect(toAssignmentPairs(added)).toEqual([
      { jurorId: 'j1', applicationId: 'a1' },
      { jurorId: 'j2', applicationId: 'a1' },
    ]);
    expect(toAssignmentPairs(toggleCell(free, added, cellKey('j2', 'a1')))).toEqual([{ jurorId: 'j1', applicationId: 'a1' }]);
  });
});

describe('suggested conflicts', () => {
  const suggested = indexAssignments({ ...data, conflicts: [], suggestions: [{ jurorId: 'j2', applicationId: 'a1', conflictId: 'c1', reason: 'Tifawin' }] });
  it('stay assignable (the API asks for a confirmation) and carry the organisation that matched', () => {
    expect(suggested.suggestions.get(cellKey('j2', 'a1'))).toBe('Tifawin');
    expect(toAssignmentPairs(toggleCell(suggested, suggested.initial, cellKey('j2', 'a1')))).toContainEqual({ jurorId: 'j2', applicationId: 'a1' });
  });
  it('reads the refused pairs from the error details, ignoring anything malformed', () => {
    expect(suggestedPairs({ pairs: [{ jurorId: 'j2', applicationId: 'a1', conflictId: 'c1', reason: 'Tifawin' }, { jurorId: 3 }] })).toEqual([{ jurorId: 'j2', applicationId: 'a1', reason: 'Tifawin' }]);
    expect(suggestedPairs(null)).toEqual([]);
  });
});
