// Test tiers by file suffix: unit (pure, milliseconds), int (real broker and stores),
// e2e (HTTP against a started gateway). Sources are ES modules run by Node's type
// stripping; under jest @swc/jest turns them into CommonJS.
const swc = (syntax) => [
  '@swc/jest',
  { jsc: { parser: { syntax }, target: 'es2023' }, module: { type: 'commonjs' } },
];
// jose and @noble/* ship ES modules only; they are turned into CommonJS like our sources.
const transform = {
  '^.+\\.ts$': swc('typescript'),
  '/node_modules/(jose|@noble/[^/]+)/.+\\.js$': swc('ecmascript'),
};
const transformIgnorePatterns = ['/node_modules/(?!jose/|@noble/)'];
const tier = (name) => ({
  displayName: name,
  testMatch: [`<rootDir>/**/*.${name}.test.ts`],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  modulePathIgnorePatterns: ['<rootDir>/.build/'],
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
});
module.exports = {
  projects: [tier('unit'), tier('int'), tier('e2e')],
  testTimeout: 60000,
};
