import { describe, expect, it } from 'vitest';
import { slugFromTitle, slugSourceTitle } from './slug-from-title';

const SLUG_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugFromTitle', () => {
  it('drops accents, punctuation and apostrophes from a French title', () => {
    expect(slugFromTitle('Appel à projets – Économie sociale 2026')).toBe('appel-a-projets-economie-sociale-2026');
    expect(slugFromTitle("L'œuvre d’une coopérative : « Tisser l'avenir »")).toBe('loeuvre-dune-cooperative-tisser-lavenir');
  });

  it('transliterates an Arabic title, digits included', () => {
    const slug = slugFromTitle('جائزة الابتكار الاجتماعي ٢٠٢٦');
    expect(slug).toMatch(SLUG_RULE);
    expect(slug.endsWith('-2026')).toBe(true);
    expect(slug.startsWith('jaiza-')).toBe(true);
  });

  it('keeps whole words within 80 characters', () => {
    const slug = slugFromTitle('Programme régional '.repeat(8));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_RULE);
    expect(slug.endsWith('programme') || slug.endsWith('regional')).toBe(true);
  });

  it('gives nothing rather than an address the API would refuse', () => {
    expect(slugFromTitle('')).toBe('');
    expect(slugFromTitle('!!')).toBe('');
    expect(slugFromTitle('A')).toBe('');
  });

  it('prefers the French title, then English, then Arabic', () => {
    expect(slugSourceTitle({ ar: 'جائزة', fr: ' ', en: 'Award' })).toBe('Award');
    expect(slugSourceTitle({ ar: 'جائزة', fr: 'Prix', en: 'Award' })).toBe('Prix');
    expect(slugSourceTitle({ ar: 'جائزة', fr: '', en: '' })).toBe('جائزة');
  });
});
