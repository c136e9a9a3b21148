/**
 * Generates a typed client of the console's operations from the schema
 * (GraphQL Code Generator's `typescript-operations`: the operations' variables
 * and results, with the enums and inputs they use) and compiles
 * it, so a schema change that breaks an operation the console sends fails here:
 *   npm run api:client [-- --out web/generated/api-types.ts]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codegen } from '@graphql-codegen/core';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { parse, printSchema } from 'graphql';
import ts from 'typescript';
import { buildPublicSchema } from '../gateway/schema/public-schema.ts';
import { consoleOperations } from '../web/src/operations/index.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: path.join('web', 'generated', 'api-types.ts') } },
});
const out = path.resolve(values.out as string);

const schema = buildPublicSchema();
const source = await codegen({
  schema: parse(printSchema(schema)),
  documents: consoleOperations().map((document, index) => ({
    location: `console-operation-${index}.graphql`,
    document: parse(document),
  })),
  filename: out,
  plugins: [{ typescriptOperations: {} }],
  pluginMap: { typescriptOperations },
  config: {
    enumsAsTypes: true,
    strictScalars: true,
    scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
  },
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, source);

const program = ts.createProgram([out], {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  skipLibCheck: true,
});
const problems = ts.getPreEmitDiagnostics(program);
for (const problem of problems) {
  process.stderr.write(`${ts.formatDiagnostic(problem, ts.createCompilerHost({}))}`);
}
const operations = consoleOperations().length;
if (problems.length > 0) {
  process.stderr.write(`api:client: ${problems.length} type errors in ${out}\n`);
  process.exit(1);
}
process.stdout.write(
  `api:client: ${operations} console operations typed from the schema and compiled: ${path.relative(process.cwd(), out)}\n`,
);
