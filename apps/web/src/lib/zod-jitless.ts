import { config } from 'zod/v4/core';

/**
 * The CSP allows no 'unsafe-eval': zod must neither compile its parsers with `new Function` nor probe
 * whether it may (the browser reports the blocked probe as a CSP violation even though zod catches it).
 * zod reads this setting when a schema is built, so the entry imports this module before anything
 * that builds one, the contracts first of all.
 */
config({ jitless: true });
