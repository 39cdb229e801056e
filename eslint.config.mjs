// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contexts = ['identity', 'carers', 'respite', 'volunteers', 'appreciation', 'activities', 'privacy', 'reports'];

// Another library is reached only through its public face, `@app/<lib>` (its index.ts).
const deepImport = { group: ['@app/*/**'], message: 'Import another library through @app/<lib> (its index.ts) only.' };
const crossLibRelative = {
  regex: '^\\.{1,2}/(.*/)?(src|libs|apps)(/|$)',
  message: 'Relative imports stay inside their own library; use @app/<lib>.',
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  // libs/portal/src/assets: the portal's browser files (CSS, a few lines of plain script), not Node code.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.stack/**',
      'coverage/**',
      'bench/results/**',
      'libs/portal/src/assets/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'test/support/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `items.map(SomeDto.from)` passes static factories, which use no `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // Interface methods (message kinds, link pages) are async by contract even where one body needs no await.
      '@typescript-eslint/require-await': 'off',
      ...restrictImports(deepImport),
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    rules: restrictImports(deepImport, crossLibRelative),
  },
  {
    // The foundations know no business context.
    files: ['libs/messaging/**/*.ts'],
    rules: restrictImports(deepImport, crossLibRelative, {
      group: contexts.map((c) => `@app/${c}`),
      message: 'messaging imports no business context.',
    }),
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: restrictImports(deepImport, crossLibRelative, {
      group: ['@app/*', '!@app/platform'],
      message: 'platform imports no other library.',
    }),
  },
  {
    // HTTP answers in tests and benchmarks are untyped JSON by nature.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
