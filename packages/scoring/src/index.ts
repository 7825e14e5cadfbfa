export * from './weighted-score';
export * from './ranking';
export * from './severity';
export * from './reliability';
export * from './ballot';
export * from './seeded-random';
export * from './shortlist-confidence';
export * from './second-look';
