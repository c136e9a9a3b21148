/** `npm run --silent permissions:table`: prints the permission matrix as Markdown. */
import { permissionsMarkdown } from '../contracts/permissions-table.ts';

process.stdout.write(`${permissionsMarkdown()}\n`);
