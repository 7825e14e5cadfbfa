/** Injection tokens of the values created before Nest starts (see CoreModule). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRISMA = Symbol('PRISMA');
export const DATABASE_URL = Symbol('DATABASE_URL');
/** The node-postgres pool under PRISMA, for the hot paths' statements (a Sql from @tahkim/db). */
export const SQL = Symbol('SQL');
