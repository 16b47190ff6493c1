// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'dexie-react-hooks'];

/** `src/db/index.ts` is the database's one door: its other files (pages, rows) are its own business. */
const dbDoor = {
  regex: '(^|/)db/(?!index$)[^/]+$',
  message: 'Outside src/db, import the database only from src/db (its index.ts).',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/.corpora'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `const { dropped: _dropped, ...kept } = row` names what is left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // Dexie (and the DOM) hand back promises that are deliberately fire-and-forget in handlers.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine is framework-free: the UI may import it, never the reverse.
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'dexie', message: 'Only src/db/ talks to IndexedDB.' }],
        patterns: [
          { group: uiPackages, message: 'src/ is the framework-free engine: no React or zustand.' },
          { group: ['**/app/**', '../app', '../../app'], message: 'src/ must not import from app/.' },
          dbDoor,
        ],
      }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiPackages, message: 'src/ is the framework-free engine: no React or zustand.' },
          { group: ['**/app/**'], message: 'src/ must not import from app/.' },
        ],
      }],
    },
  },
  {
    // One door to the layers: only the layer store (and the frozen upgrades) touch their tables.
    files: ['src/db/**/*.ts'],
    ignores: ['src/db/layerStore.ts', 'src/db/database.ts', 'src/db/migrat*.ts', 'src/db/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'MemberExpression[property.name=/^(annotations|pageLayers)$/], ObjectPattern > Property[key.name=/^(annotations|pageLayers)$/]',
        message: 'Layers are read and written through the layer store (src/db/layerStore.ts) only.',
      }],
    },
  },
  {
    // Upgrades use the row shapes and helpers of their own version, never live ones (frozen/README.md).
    files: ['src/db/migrations.ts', 'src/db/frozen/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiPackages, message: 'src/ is the framework-free engine: no React or zustand.' },
          {
            regex: '^\\.\\./|^\\./(?!frozen/|v\\d+$)',
            message: 'Migrations and frozen rows import only frozen/ (never live types or helpers, which may change after a version shipped).',
          },
        ],
      }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'dexie', message: 'Only src/db/ talks to IndexedDB; import from src/db.' }],
        patterns: [dbDoor],
      }],
    },
  },
);
