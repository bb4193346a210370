// ESLint flat config (kept in scripts/ so the project's top level stays as specified; run with `npm run lint`).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import layers from './eslint-layers.js'

export default tseslint.config(
  // tests/fixtures/lint holds planted violations that tests/unit/lint-rules.test.ts lints on purpose
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // the renderer talks to the main side only through the contract client
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/services/**', '**/src-main/store/**', '**/src-main/electron/**'],
              message: 'The renderer reaches services only through the contract client (src/api).'
            },
            { group: ['node:*', 'better-sqlite3', 'electron'], message: 'No Node, Electron or database imports in the renderer.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/contract/**/*.ts'],
    rules: {
      // the domain core is pure: no I/O, no Electron, no database
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'better-sqlite3', 'electron', '**/store/**', '**/services/**'],
              message: 'src-main/core and contract stay pure (no I/O).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**/*.{js,mjs}', 'tests/**/*.ts', 'bench/**/*.{ts,mjs}', '*.ts'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    // the layer map and no import cycles (see scripts/eslint-layers.js and README, "Architecture")
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,vue}', 'tests/fixtures/lint/**/*.ts'],
    plugins: { layers, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.json'] })],
      // no-cycle follows .ts modules; cycles through .vue components are caught by scripts/import-cycles.mjs
      // (tests/unit/lint-rules.test.ts runs it over the tree)
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] }
    },
    rules: {
      'layers/imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }]
    }
  },
  {
    // services reach tables only through the store's repositories
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'No SQL in services: add a function to a repository in src-main/store/repos.'
        },
        {
          // db.exec / tx.db.exec / ctx.home.db.exec (a RegExp's exec is fine)
          selector:
            "CallExpression[callee.property.name='exec'][callee.object.name='db'], CallExpression[callee.property.name='exec'][callee.object.property.name='db']",
          message: 'No SQL in services: add a function to a repository in src-main/store/repos.'
        }
      ]
    }
  },
  {
    // the store and the services are async: a promise left unawaited is work that may run after its transaction,
    // its door's answer or its home's close (type-aware, so only over the main side's TypeScript and its tests)
    files: ['src-main/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    ignores: ['tests/fixtures/lint/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: new URL('..', import.meta.url).pathname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error'
    }
  },
  {
    // files are split by job once they pass 500 lines
    files: ['src-main/**/*.ts', 'src-renderer/src/**/*.{ts,vue}'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }] }
  },
  // formatting is Prettier's job (`npm run format`); turn off the stylistic rules it owns
  prettier
)
