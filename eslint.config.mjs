import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layers as folders: what each may import (see STYLE.md, "One dependency rule"). */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS preloads (bench/count-sockets.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: restrict(
      [['electron'], ['**/renderer/**'], ['**/cli/**'], ['**/bridge/**'], ['**/main/**']],
      'The engine runs in plain Node: it never imports electron, the UI, the CLI or the bridge.',
    ),
  },
  {
    files: ['electron/ipc/**/*.ts', 'electron/bridge/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(
      [['electron'], ['**/renderer/**'], ['**/main/**']],
      'The IPC handlers, the bridge and the CLI run in plain Node: no electron, no Electron main code.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([['electron'], ['**/electron/**'], ['**/renderer/**']], 'shared/ needs nothing but zod.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [['electron'], ['**/electron/**']],
        'The renderer talks to the engine only through shared/ipc.',
      ),
    },
  },
);
