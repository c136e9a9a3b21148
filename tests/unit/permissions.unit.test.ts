import type { Role } from '../../contracts/actor.ts';
import { humanRoles } from '../../contracts/actor.ts';
import type { Operation, Scope } from '../../contracts/permissions.ts';
import { permissions, scopeOf } from '../../contracts/permissions.ts';

const roles: readonly Role[] = [...humanRoles, 'system'];

/** The expected table, written out by hand: operation → scope of office, department_head, leader, inspector, system. */
const table: Record<Operation, readonly (Scope | null)[]> = {
  registerUnit: ['all', null, null, null, null],
  registerTask: ['all', null, null, null, null],
  assignTask: ['all', null, null, null, null],
  planMilestone: ['all', null, null, null, null],
  reportProgress: ['all', 'own_unit', null, null, null],
  completeMilestone: ['all', 'own_unit', null, null, null],
  reportBlockage: ['all', 'own_unit', null, null, null],
  resolveBlockage: ['all', 'own_unit', 'all', null, null],
  task: ['all', 'all', 'all', 'all', null],
  tasks: ['all', 'all', 'all', 'all', null],
  units: ['all', 'all', 'all', 'all', null],
  taskHistory: ['all', 'all', 'all', 'all', null],
  internal: ['all', 'all', 'all', 'all', 'all'],
};

const operations = Object.keys(permissions) as Operation[];
const cases = operations.flatMap((operation) =>
  roles.map((role, index) => [operation, role, table[operation][index] ?? null] as const),
);

describe('the permission table', () => {
  it('covers every operation', () => {
    expect(operations.sort()).toEqual(Object.keys(table).sort());
  });

  it.each(cases)('gives %s to %s the scope %s', (operation, role, scope) => {
    expect(scopeOf(operation, role)).toBe(scope);
  });

  it('marks commands and queries', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    expect(commands.sort()).toEqual(
      [
        'registerUnit',
        'registerTask',
        'assignTask',
        'planMilestone',
        'reportProgress',
        'completeMilestone',
        'reportBlockage',
        'resolveBlockage',
      ].sort(),
    );
  });
});

describe('the office', () => {
  it('may use every operation on any record', () => {
    for (const operation of operations) expect(scopeOf(operation, 'office')).toBe('all');
  });
});

describe('a department head', () => {
  it('acts only on tasks of its own unit', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    const allowed = commands.filter((operation) => scopeOf(operation, 'department_head'));
    expect(allowed.map((operation) => scopeOf(operation, 'department_head'))).toEqual(
      allowed.map(() => 'own_unit'),
    );
  });
});

describe('a leader and an inspector', () => {
  it('may run no command, except that a leader resolves blockages', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    expect(commands.filter((operation) => scopeOf(operation, 'leader'))).toEqual([
      'resolveBlockage',
    ]);
    expect(commands.filter((operation) => scopeOf(operation, 'inspector'))).toEqual([]);
  });
});

describe('every human role', () => {
  it.each(humanRoles)('%s reads tasks, units and task history', (role) => {
    for (const operation of ['task', 'tasks', 'units', 'taskHistory'] as const) {
      expect(scopeOf(operation, role)).toBe('all');
    }
  });
});

describe('the system actor', () => {
  it('may only make internal lookups', () => {
    expect(operations.filter((operation) => scopeOf(operation, 'system'))).toEqual(['internal']);
  });
});
