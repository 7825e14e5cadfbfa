export * from './weighted-score';
