import type { Role } from './actor.ts';
import { catalogue, type OperationName } from './catalogue/index.ts';
import { type Permission, type Scope, scopeIn } from './permission-types.ts';

export type { Permission, Scope };

/**
 * Who may do what: the catalogue's roles as one table, enforced by the services
 * and printed in the README and, generated, in the console.
 */
export const permissions = Object.fromEntries(
  Object.entries(catalogue).map(([name, { kind, roles }]) => [name, { kind, roles }]),
) as Record<OperationName, Permission>;

export type Operation = OperationName;

/** The scope a role has for an operation, or null when it may not use it. */
export const scopeOf = (operation: Operation, role: Role): Scope | null =>
  scopeIn(permissions, operation, role);

/** Where the console keeps its copy of the table: it does not bundle the catalogue and its schemas. */
export const consolePermissionsFile = 'web/src/core/permissions.generated.ts';

/** The table as TypeScript source for the console; a unit test fails when the copy is stale. */
export const permissionsSource = (): string =>
  [
    '// Generated from contracts/catalogue by `npm run permissions:console`: do not edit.',
    "import type { Permission } from '../../../contracts/permission-types.ts';",
    '',
    `export const permissions = ${JSON.stringify(permissions, null, 2)} as const satisfies Record<string, Permission>;`,
    '',
    'export type Operation = keyof typeof permissions;',
    '',
  ].join('\n');
