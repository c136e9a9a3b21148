// Test tiers by file suffix: unit (pure, milliseconds), int (real broker and stores),
// e2e (HTTP against a started gateway). Sources are ES modules run by Node's type
// stripping; under jest @swc/jest turns them into CommonJS.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
      module: { type: 'commonjs' },
    },
  ],
};
const tier = (name, timeout) => ({
  displayName: name,
  testMatch: [`<rootDir>/**/*.${name}.test.ts`],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
});
module.exports = {
  projects: [tier('unit'), tier('int'), tier('e2e')],
  testTimeout: 60000,
};
