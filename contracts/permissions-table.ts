import type { Role } from './actor.ts';
import type { Operation } from './permissions.ts';
import { permissions, scopeOf } from './permissions.ts';

const columns: readonly Role[] = [
  'office',
  'department_head',
  'leader',
  'inspector',
  'liaison',
  'system',
];

const cell = (operation: Operation, role: Role): string => {
  const scope = scopeOf(operation, role);
  if (scope === null) return '—';
  if (scope === 'own_unit') return 'own unit';
  if (scope === 'own_tasks') return 'own tasks';
  if (scope === 'own_actions') return 'own actions';
  return 'all';
};

/**
 * The permission matrix as a Markdown table, generated from the table the services
 * enforce, so the README cannot drift from it (a unit test compares them).
 */
export const permissionsMarkdown = (): string => {
  const operations = Object.keys(permissions) as Operation[];
  const rows = operations.map(
    (operation) =>
      `| ${operation} | ${permissions[operation].kind} | ${columns.map((role) => cell(operation, role)).join(' | ')} |`,
  );
  return [
    `| operation | kind | ${columns.join(' | ')} |`,
    `|---|---|${columns.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
};
