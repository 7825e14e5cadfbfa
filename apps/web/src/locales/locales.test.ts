import { LOCALES } from '@tahkim/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join(import.meta.dirname, '.');

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === 'string') {
    entries.set(prefix, value);
    return entries;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${prefix}: translations must be strings or nested objects`);
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(path, text);
  }
  return entries;
}

function load(locale: string): Map<string, Map<string, string>> {
  const files = readdirSync(join(LOCALES_DIR, locale)).filter((file) => file.endsWith('.json'));
  return new Map(
    files.map((file) => [file, flatten(JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')))]),
  );
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((match) => match[1]).sort();

describe('translations', () => {
  const byLocale = new Map(LOCALES.map((locale) => [locale, load(locale)]));
  const reference = byLocale.get('fr')!;

  it('has the same files in every language', () => {
    for (const locale of LOCALES) {
      expect([...byLocale.get(locale)!.keys()].sort(), locale).toEqual([...reference.keys()].sort());
    }
  });

  it('has identical key sets in ar, fr and en', () => {
    for (const [file, frKeys] of reference) {
      for (const locale of LOCALES) {
        const keys = byLocale.get(locale)!.get(file)!;
        expect([...keys.keys()].sort(), `${locale}/${file}`).toEqual([...frKeys.keys()].sort());
      }
    }
  });

  it('has no empty text, and the same {{variables}} in each language', () => {
    for (const [file, frKeys] of reference) {
      for (const [key, frText] of frKeys) {
        for (const locale of LOCALES) {
          const text = byLocale.get(locale)!.get(file)!.get(key) ?? '';
          expect(text.trim(), `${locale}/${file} ${key}`).not.toBe('');
          // Plural forms may leave the count out ("رسالة واحدة", "Aucun e-mail").
          if (!/_(zero|one|two|few|many|other)$/u.test(key)) {
            expect(variables(text), `${locale}/${file} ${key}`).toEqual(variables(frText));
          }
        }
      }
    }
  });
});
