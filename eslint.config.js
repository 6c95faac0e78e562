import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'test/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the main process through the API only: no Node, no services, no database.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'kysely'].map((name) => ({
            name,
            message: 'The renderer has no Node access.',
          })),
          patterns: [
            { regex: '^node:', message: 'The renderer has no Node access.' },
            {
              // The report's measures and chart options are pure, and shared with the PDF the main process prints.
              regex: '(^|/)electron/(?!(api/(contract|schemas|errors)|domain/report|files/reportCharts)$)',
              message:
                'Import only the API contract (electron/api/contract, schemas, errors) and the report definitions.',
            },
            { regex: '(^|/)db/', message: 'The renderer reaches the database through the API only.' },
          ],
        },
      ],
    },
  },
  {
    // Pure rules: no I/O, no database, no Electron.
    files: ['electron/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '**/db/**', '**/services/**'] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
