import { gunzipSync } from 'node:zlib';
import { jsonAndGzip } from './ranking-cache';

describe('jsonAndGzip', () => {
  it('gives the pieces joined, and a gzip any reader inflates to the same bytes, empty pieces included', async () => {
    const big = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i, text: `row ${i} é ✓`, value: Math.sin(i) })));
    for (const pieces of [['ab'], ['a', '', 'b'], ['x', ''], ['', ''], [big.slice(0, 70_000), big.slice(70_000, 140_000), big.slice(140_000)]]) {
      const { json, gzip } = jsonAndGzip(pieces.map((piece) => () => piece));
      expect(json.toString('utf8')).toBe(pieces.join(''));
      expect(gunzipSync(await gzip).equals(json)).toBe(true);
    }
  });
});
