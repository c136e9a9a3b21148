/**
 * `npm run --silent permissions:table`: prints the permission matrix as Markdown.
 * `npm run permissions:console`: writes the console's copy of the table.
 */
import { writeFileSync } from 'node:fs';
import { consolePermissionsFile, permissionsSource } from '../contracts/permissions.ts';
import { permissionsMarkdown } from '../contracts/permissions-table.ts';

if (process.argv.includes('--console')) {
  writeFileSync(consolePermissionsFile, permissionsSource());
  process.stdout.write(`wrote ${consolePermissionsFile}\n`);
} else {
  process.stdout.write(`${permissionsMarkdown()}\n`);
}
