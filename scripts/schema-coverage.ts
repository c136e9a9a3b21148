/**
 * `npm run --silent schema:coverage`: how much of the public GraphQL schema is
 * described (types, fields, arguments, input fields, enum values), what is
 * not, and exit status 1 while anything is not.
 */
import {
  type DescribedKind,
  describedKinds,
  descriptionCoverage,
  percentDescribed,
} from '../gateway/schema/description-coverage.ts';
import { buildPublicSchema } from '../gateway/schema/public-schema.ts';

const labels: Record<DescribedKind, string> = {
  types: 'types',
  fields: 'fields',
  arguments: 'arguments',
  inputFields: 'input fields',
  enumValues: 'enum values',
};

const coverage = descriptionCoverage(buildPublicSchema());
const counts = describedKinds.map((kind) => `${coverage[kind].described}/${coverage[kind].total}`);
const labelWidth = Math.max(...Object.values(labels).map((label) => label.length));
const countWidth = Math.max(...counts.map((count) => count.length));

const lines = describedKinds.map((kind, index) => {
  const percent = percentDescribed(coverage[kind]).toFixed(1).padStart(5);
  return `${labels[kind].padEnd(labelWidth)}  ${counts[index]?.padStart(countWidth)}  ${percent}%`;
});
for (const kind of describedKinds) {
  const { missing } = coverage[kind];
  if (missing.length > 0) {
    lines.push('', `${labels[kind]} without a description:`, ...missing.map((name) => `  ${name}`));
  }
}
process.stdout.write(`${lines.join('\n')}\n`);

if (describedKinds.some((kind) => percentDescribed(coverage[kind]) < 100)) process.exitCode = 1;
