// Lint: TypeScript's recommended rules, plus the folder boundaries of ARCHITECTURE.md.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/desktop/ may import electron: the engine, browser mode, the command line, db/ and shared/ run in plain Node.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Browser mode (electron/server/) and the command line (electron/cli/) run where no Electron
    // runtime exists: everything under electron/ but the desktop shell.
    files: ['electron/**'],
    ignores: ['electron/desktop/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['shared/**', 'db/**', 'electron/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'fetch'].map((name) => ({
          name,
          message: 'No DOM or network in the engine: it runs in a Node worker, offline.',
        })),
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            { group: ['../db/*', '../electron/*', '../renderer/*', 'node:*'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    // The two classic rules of hooks; the React Compiler's newer rules are not adopted (no compiler here).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            {
              group: ['**/db/*', '**/electron/*', '**/electron/**', 'node:*', 'better-sqlite3'],
              message: 'The renderer talks to the engine only through api.ts and shared/.',
            },
          ],
        },
      ],
    },
  },
);
