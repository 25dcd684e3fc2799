// Lint: typescript-eslint's recommended rules, plus the layer rules of DESIGN.md as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.yunzhou/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['knex', 'knex-pglite', 'pg', 'koa', '@koa/*', 'pdfkit', 'fontkit', 'inversify', 'reflect-metadata', 'ajv', 'ajv-*', 'pino', '@electric-sql/*'], message: 'core/ is framework-free (DESIGN.md: arrows point inward).' },
          { group: ['**/adapters/**', '**/http/**', '**/plugins/**'], message: 'core/ imports nothing outside core.' },
          { regex: '^\\.\\./[^/]+/(?!index\\.js$)', message: 'Another core area only through its face: ../<area>/index.js (docs/architecture.md).' },
        ],
      }],
    },
  },
  {
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/adapters/**', '**/http/**', '**/plugins/**'], message: 'web/ talks to the server through the HTTP API only; it may import core/ (pure rules) and itself.' },
        { group: ['knex', 'knex-pglite', 'pg', 'koa', '@koa/*', 'pdfkit', 'inversify', 'pino', '@electric-sql/*'], message: 'web/ runs in the browser.' },
      ] }],
    },
  },
  // A plugin imports yunzhou/plugin, npm packages and its own files: no path may climb out of its folder
  // (depth 1 files may not use ../, depth 2 files not ../../, and so on).
  ...[1, 2, 3].map((depth) => ({
    files: [`plugins/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'yunzhou', message: 'Plugins use the SDK, yunzhou/plugin; the main entry is for embedding hosts (docs/plugins.md).' }],
        patterns: [
          { group: ['yunzhou/*', '!yunzhou/plugin'], message: 'Plugins import only yunzhou/plugin of the package (docs/plugins.md).' },
          { group: [`${'../'.repeat(depth)}*`], message: 'A plugin imports its own files and yunzhou/plugin, nothing else of the repository (docs/plugins.md).' },
        ],
      }],
    },
  })),
  {
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/http/**', '**/plugins/**'], message: 'adapters/ never import http/ or a plugin.' }] }],
    },
  },
  {
    files: ['http/routes/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['koa', '@koa/*'], message: 'Route files are framework-free data (RouteDef); http/app.ts mounts them on Koa.' }] }],
    },
  },
);
