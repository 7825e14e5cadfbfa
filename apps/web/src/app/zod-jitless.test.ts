import { expect, it } from 'vitest';
import './zod-jitless';
import { config } from 'zod/v4/core';
import { z } from 'zod';

it('sets zod to jitless without importing zod, before any schema is built', () => {
  expect(config().jitless).toBe(true);
  // Parsing an object schema still works without compiling a parser.
  expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
});
