/**
 * The CSP allows no 'unsafe-eval': zod must neither compile parsers with `new Function` nor probe for
 * it (a blocked probe is reported as a CSP violation even though zod swallows the error). zod reads its
 * settings from `globalThis.__zod_globalConfig` (zod/v4/core's `config()` writes there) when a schema is
 * built, so the entry sets it first, without importing zod: pages that use no schema never download it.
 * app/zod-jitless.test.ts checks that zod sees it.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
