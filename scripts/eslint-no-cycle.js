/**
 * Shared ESLint settings of the reliability packages: import cycles are errors (docs/architecture.md).
 * The node resolver is told about TypeScript extensions so `import/no-cycle` can follow relative imports
 * and workspace packages (their `main` is `src/index.ts`).
 */
module.exports = {
  settings: {
    'import/extensions': ['.ts', '.tsx', '.js', '.jsx'],
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import/resolver': {
      node: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
    },
  },
  rules: {
    'import/no-cycle': ['error', { ignoreExternal: false }],
  },
};
