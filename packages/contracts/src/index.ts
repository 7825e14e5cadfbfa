export * from './locales';
export * from './roles';
export * from './errors';
export * from './auth';
export * from './system';
export * from './regions';
export * from './forms';
export * from './eligibility';
