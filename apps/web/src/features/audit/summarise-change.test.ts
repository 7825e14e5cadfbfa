import { describe, expect, it } from 'vitest';
import { shortJson, summariseChange } from './summarise-change';

describe('summariseChange', () => {
  it('lists only the top-level keys whose value differs, old and new as JSON', () => {
    expect(summariseChange({ status: 'DRAFT', title: 'Argan', score: 12 }, { status: 'SUBMITTED', title: 'Argan', score: 12.5 })).toEqual([
      { key: 'status', before: '"DRAFT"', after: '"SUBMITTED"' },
      { key: 'score', before: '12', after: '12.5' },
    ]);
  });

  it('shows an added key with no old value and a removed key with no new value', () => {
    expect(summariseChange({ a: 1, gone: true }, { a: 1, added: null })).toEqual([
      { key: 'gone', before: 'true', after: undefined },
      { key: 'added', before: undefined, after: 'null' },
    ]);
  });

  it('treats a missing record as an empty one (creation and deletion)', () => {
    expect(summariseChange(null, { name: 'Tour 1' })).toEqual([{ key: 'name', before: undefined, after: '"Tour 1"' }]);
    expect(summariseChange({ name: 'Tour 1' }, null)).toEqual([{ key: 'name', before: '"Tour 1"', after: undefined }]);
    expect(summariseChange(null, null)).toEqual([]);
  });

  it('compares nested values by content, whatever the order of their keys', () => {
    expect(summariseChange({ name: { fr: 'A', ar: 'ب' }, roles: ['STAFF'] }, { name: { ar: 'ب', fr: 'A' }, roles: ['STAFF'] })).toEqual([]);
    expect(summariseChange({ roles: ['STAFF'] }, { roles: ['STAFF', 'JUROR'] })).toEqual([{ key: 'roles', before: '["STAFF"]', after: '["STAFF","JUROR"]' }]);
  });

  it('cuts long values with an ellipsis', () => {
    const [change] = summariseChange({ text: 'x'.repeat(200) }, { text: 'y' }, 20);
    expect(change?.before).toHaveLength(20);
    expect(change?.before?.endsWith('…')).toBe(true);
    expect(change?.after).toBe('"y"');
    expect(shortJson('court', 20)).toBe('"court"');
  });

  it('takes a record that is a single value or a list as one change without a key', () => {
    expect(summariseChange(['a'], ['a', 'b'])).toEqual([{ key: '', before: '["a"]', after: '["a","b"]' }]);
    expect(summariseChange(3, { count: 3 })).toEqual([{ key: '', before: '3', after: '{"count":3}' }]);
    expect(summariseChange('same', 'same')).toEqual([]);
  });
});
