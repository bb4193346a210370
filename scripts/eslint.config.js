// ESLint flat config (kept in scripts/ so the project's top level stays as specified; run with `npm run lint`).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
    files: ['src-main/**/*.ts', 'scripts/**/*.{js,mjs}', 'tests/**/*.ts', 'bench/**/*.ts', '*.ts'],
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
  // formatting is Prettier's job (`npm run format`); turn off the stylistic rules it owns
  prettier
)
