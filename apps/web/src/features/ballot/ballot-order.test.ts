import { describe, expect, it } from 'vitest';
import { applyMove, moveAnnouncement, moveTo, targetIndex } from './ballot-order';

const order = ['a', 'b', 'c', 'd'];

describe('moving an application within a ballot', () => {
  it('moves up and down by one place', () => {
    expect(applyMove(order, 'c', 'up')).toEqual(['a', 'c', 'b', 'd']);
    expect(applyMove(order, 'b', 'down')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('moves to the top and to the bottom', () => {
    expect(applyMove(order, 'c', 'top')).toEqual(['c', 'a', 'b', 'd']);
    expect(applyMove(order, 'b', 'bottom')).toEqual(['a', 'c', 'd', 'b']);
  });

  it('leaves the order as it is when the move is impossible', () => {
    expect(applyMove(order, 'a', 'up')).toEqual(order);
    expect(applyMove(order, 'a', 'top')).toEqual(order);
    expect(applyMove(order, 'd', 'down')).toEqual(order);
    expect(applyMove(order, 'd', 'bottom')).toEqual(order);
    expect(applyMove(order, 'x', 'up')).toEqual(order);
    expect(targetIndex(order, 'a', 'up')).toBeNull();
    expect(targetIndex(order, 'a', 'down')).toBe(1);
    expect(targetIndex(['a'], 'a', 'bottom')).toBeNull();
  });

  it('never changes the array it was given', () => {
    const given = [...order];
    applyMove(given, 'd', 'top');
    moveTo(given, 'a', 3);
    expect(given).toEqual(order);
  });

  it('moves to any index (drag and drop), clamped to the list', () => {
    expect(moveTo(order, 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(order, 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(order, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveTo(order, 'b', -3)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('tells the new position out of the total for the announcement', () => {
    const moved = applyMove(order, 'd', 'up');
    expect(moveAnnouncement(moved, 'd', (id) => `Projet ${id.toUpperCase()}`)).toEqual({ name: 'Projet D', position: 3, total: 4 });
  });
});
