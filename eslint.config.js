import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, including the benchmark's pages and its copy of vis-timeline.
    ignores: [
      'dist',
      'dist-single',
      'dist-bench',
      'bench/results',
      'test-results',
      'playwright-report',
      'node_modules',
      'src/model/incident-validator.generated.js',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // This rule guards React Compiler memoization, which the app does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='toLocaleString']",
          message:
            "Use formatCount: a page's first Intl number format costs 40-100 ms, and a load should not pay it.",
        },
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']",
          message:
            "Use formatCount: a page's first Intl number format costs 40-100 ms, and a load should not pay it.",
        },
      ],
    },
  },
  {
    // Only the chart component may own vis-timeline.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/components/timeline-chart.tsx', 'src/components/timeline-chart/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vis-timeline*', 'vis-data*'],
              message: 'Only timeline-chart owns vis-timeline.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain core stays pure: no React, no DOM, no I/O, nothing of the app's other layers.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/components',
                '**/components/**',
                '**/loading',
                '**/loading/**',
                '**/hooks',
                '**/hooks/**',
                '**/i18n',
                '**/i18n/**',
                '**/app',
                '**/app.tsx',
                '**/main',
                '**/main.tsx',
              ],
              message: 'src/model imports nothing of the app.',
            },
            {
              group: [
                'react',
                'react-dom',
                'react-dom/*',
                '@tanstack/*',
                'vis-timeline*',
                'vis-data*',
                'html-to-image',
              ],
              message: 'src/model is framework-free.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'location',
          'history',
          'fetch',
          'XMLHttpRequest',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'Worker',
        ].map((name) => ({
          name,
          message: 'src/model has no DOM and does no I/O: take what it needs as an argument.',
        })),
      ],
    },
  },
  {
    // Hooks hold state and effects for components; they never render one.
    files: ['src/hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components', '**/components/**'],
              message: 'Hooks do not import components.',
            },
            // This block replaces the rule for hooks, so it repeats the chart's ownership of vis-timeline.
            {
              group: ['vis-timeline*', 'vis-data*'],
              message: 'Only timeline-chart owns vis-timeline.',
            },
          ],
        },
      ],
    },
  },
);
