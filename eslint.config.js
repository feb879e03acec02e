// One lint setup for the whole repo. Besides style, it enforces the architecture's import
// boundaries: shared/ stays portable, the server never touches Electron, the renderer never
// touches Node or Electron, the preload only bridges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Bare names match exactly (so '../api/events' is not mistaken for Node's 'events'); the
// patterns catch 'node:' imports and reaches into other parts of the tree.
const NODE = { names: builtinModules, patterns: ['node:*'] };
const restrict = (message, { names = [], patterns = [] }, extraGroups = []) => ({
  'no-restricted-imports': [
    'error',
    { paths: names.map((name) => ({ name, message })), patterns: [...(patterns.length ? [{ group: patterns, message }] : []), ...extraGroups] },
  ],
});

// Test kits (fixtures, fake peers, SIPp runners) say so in their name and are for tests only:
// production code that imported one would ship test code, or depend on a fake.
const TEST_KIT_FILES = ['**/*-test-kit.ts', '**/*-test-kit.tsx', '**/test-kit/**', '**/contract-test-kit/**'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', ...TEST_KIT_FILES];
const NO_TEST_KITS = [
  {
    group: ['**/*-test-kit', '**/*-test-kit.js', '**/test-kit/**', '**/contract-test-kit/**'],
    message: 'test kits are for tests only (*.test.ts, other test kits, e2e, benchmarks).',
  },
];
const SERVER_NO_ELECTRON = [
  'the bundled server runs in plain Node: never import electron or the desktop shell.',
  { names: ['electron'], patterns: ['electron/*', '**/renderer/**', '**/preload/**', '**/desktop/**'] },
];
const RENDERER_SANDBOX = [
  'the renderer is sandboxed: reach Node or Electron only through the preload bridge.',
  { names: [...NODE.names, 'electron'], patterns: [...NODE.patterns, '**/main/**', '**/preload/**'] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      'shared/ is portable: no Node, DOM, Electron or React imports.',
      { names: [...NODE.names, 'electron', 'react', 'react-dom'], patterns: [...NODE.patterns, '**/main/**', '**/renderer/**', '**/preload/**'] },
      NO_TEST_KITS,
    ),
  },
  {
    files: ['main/server/**/*.ts'],
    rules: restrict(...SERVER_NO_ELECTRON, NO_TEST_KITS),
  },
  {
    files: TEST_FILES.map((f) => `main/server/${f}`),
    rules: restrict(...SERVER_NO_ELECTRON),
  },
  {
    files: ['main/index.ts', 'main/desktop/**/*.ts', 'preload/**/*.ts'],
    ignores: TEST_FILES,
    rules: restrict('test kits are for tests only.', {}, NO_TEST_KITS),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(...RENDERER_SANDBOX, NO_TEST_KITS),
    },
  },
  {
    // The desk calls the API through the route table (shared/api/routes.ts, api.call), never by a
    // path written out by hand: a path typed twice drifts from the server's.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', ...TEST_FILES],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/^\\/api\\//]', message: 'call the API through the route table: api.call(routes.x.y, …) (shared/api/routes.ts).' },
        {
          selector: 'TemplateElement[value.raw=/\\/api\\//]',
          message: 'call the API through the route table: api.call(routes.x.y, …) (shared/api/routes.ts).',
        },
      ],
    },
  },
  {
    files: TEST_FILES.map((f) => `renderer/${f}`),
    rules: restrict(...RENDERER_SANDBOX),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict('the preload only bridges: import electron and shared/, nothing else.', {
      names: NODE.names,
      patterns: [...NODE.patterns, '**/main/**', '**/renderer/**'],
    }),
  },
  {
    // No import cycles (the stores once imported each other): modules form layers that a test can
    // build from the bottom. The server imports './x.js' for './x.ts', as Node ESM wants.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
      // The rule follows only files it may parse: TypeScript ones, with typescript-eslint's parser.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['scripts/**/*.mjs', 'e2e/**/*.ts', 'benchmarks/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off', 'no-empty-pattern': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
