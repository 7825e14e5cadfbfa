/** Injection tokens of the values created before Nest starts (see CoreModule). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRISMA = Symbol('PRISMA');
export const DATABASE_URL = Symbol('DATABASE_URL');
