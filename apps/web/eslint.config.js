import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Attributes people read or hear: a literal in one of them is untranslated text. */
const USER_VISIBLE_ATTRIBUTES = [
  'title',
  'alt',
  'placeholder',
  'label',
  'description',
  'error',
  'caption',
  'tooltip',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
];

export default defineConfig([
  { ignores: ['dist/', 'dist-server/', 'coverage/', 'playwright-report/', 'test-results/', 'src/lib/api-types.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { i18next },
    rules: {
      // Every text a person sees goes through i18next: JSX text, and literals in JSX expressions and
      // in the attributes above. Technical attributes (variant, href, type...) are not checked.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: USER_VISIBLE_ATTRIBUTES },
          // The plugin's defaults, plus react-hook-form's field names (`register('email')`).
          callees: {
            exclude: [
              'i18n(ext)?',
              't',
              'require',
              'addEventListener',
              'removeEventListener',
              'postMessage',
              'getElementById',
              'dispatch',
              'commit',
              'includes',
              'indexOf',
              'endsWith',
              'startsWith',
              'register',
            ],
          },
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests assert on the translated texts themselves.
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'i18next/no-literal-string': 'off' },
  },
]);
