import { describe, expect, it } from 'vitest';
import { splitLinks } from './linkified-text';

describe('splitLinks', () => {
  it('finds http(s) links and leaves sentence punctuation out of them', () => {
    expect(splitLinks('Ouvrez http://localhost:3000/reset-password?token=abc123. Merci')).toEqual([
      { kind: 'text', value: 'Ouvrez ' },
      { kind: 'link', value: 'http://localhost:3000/reset-password?token=abc123' },
      { kind: 'text', value: '. Merci' },
    ]);
  });

  it('ends a link where the isolate around a quoted value ends', () => {
    expect(splitLinks('Infos : \u2068https://example.org/appel\u2069.')).toEqual([
      { kind: 'text', value: 'Infos : \u2068' },
      { kind: 'link', value: 'https://example.org/appel' },
      { kind: 'text', value: '\u2069.' },
    ]);
  });

  it('never links other schemes', () => {
    expect(splitLinks('javascript:alert(1)')).toEqual([{ kind: 'text', value: 'javascript:alert(1)' }]);
  });
});
