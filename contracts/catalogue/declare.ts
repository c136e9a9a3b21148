import { z } from 'zod';
import { id, idempotencyKey } from '../fields.ts';
import type { Roles } from '../permission-types.ts';

export type { Roles, Scope } from '../permission-types.ts';

type Args = Record<string, unknown>;

/** A GraphQL root field that forwards to a service action, its arguments mapped to params. */
export interface Field {
  root: 'Query' | 'Mutation';
  name: string;
  /** Params of the action from the field's arguments; the arguments as given unless told. */
  params?: (args: Args) => Args;
  /**
   * The field of the answer that needs the list counted (`totalCount`): a
   * request that does not select it tells the action `withTotal: false`, and
   * the list is not counted.
   */
  totalField?: string;
}

/** Where a call lands: `service.action`, and the field that serves it, if any. */
export interface Endpoint {
  action: string;
  field?: Field;
}

/** A read, or a command with no aggregate of its own (signing, the clock): served by its service. */
export interface ServiceOperation {
  kind: 'query' | 'command';
  roles: Roles;
  endpoints: readonly Endpoint[];
}

/** The task's lifecycle a command needs: open (not closed, 办结) and active (not suspended). */
export type Lifecycle = 'open' | 'active';

/**
 * A new entity the command names: its id field in the command's data, how a
 * retry derives the same id, and how the answer names it.
 */
export interface NewId {
  field: string;
  /**
   * Seeds a retried command's id: `kind|scope|actor|key` (scope: the value of
   * `scopeField`, or empty), or `kind|actor|key` for entities the caller may name.
   */
  kind: string;
  scopeField?: string;
  /** An input field in which the caller may name the entity itself. */
  given?: string;
  /** `id`: answered as `id`, as generated; default: under its own name, as recorded. */
  answer?: 'id';
  /** Put first in the command's data rather than last. */
  first?: true;
}

/**
 * What the service looks up before the decision: ids the directory must
 * confirm, read from the command's data; the categories of units (`unitCategories`,
 * for a rule on ranked units); the working-day calendars published for the years
 * around today (`calendars`), for a decision that counts working days; the ruleset
 * in force today (`ruleset`), for a decision bounded by it; the paths of units in
 * the tree (`unitPaths`), for a rule on where a unit sits.
 */
export interface Lookups<D> {
  units?: (data: D) => readonly (string | null)[];
  officials?: (data: D) => readonly string[];
  unitCategories?: (data: D) => readonly string[];
  calendars?: true;
  ruleset?: true;
  /** Units whose place in the tree the rule reads: each with its path, the top first (`unitPaths`). */
  unitPaths?: (data: D) => readonly (string | null | undefined)[];
}

/**
 * A command an aggregate decides: its input, who may send it, the command it
 * becomes and what it needs looked up. Generic code makes it a broker action and
 * a GraphQL mutation; the decider holds its business rules.
 */
export interface CommandOperation<S extends z.ZodObject = z.ZodObject> {
  kind: 'command';
  roles: Roles;
  /** `service.action`. */
  action: string;
  /** The GraphQL mutation field; absent for commands only services send. */
  mutation?: string;
  input: S;
  /** The aggregate's command type, e.g. `ReportProgress`. */
  command: string;
  newId?: NewId;
  lookups?: Lookups<Omit<z.output<S>, 'idempotencyKey'>>;
  /** A data field the answer repeats as the recorded event has it. */
  echo?: string;
  /** For task commands: the lifecycle it needs. */
  lifecycle?: readonly Lifecycle[];
  /**
   * `task`: a department head must lead or co-own the task; `decider`: the
   * decider checks a narrower scope itself (the addressee of a notice).
   */
  unitScope?: 'task' | 'decider';
  /** The clock records it too, as `system`, outside the permission table. */
  byClock?: true;
}

export type Operation = ServiceOperation | CommandOperation;

/** What a command states besides who may send it and its input. */
export type CommandOptions<S extends z.ZodObject> = Pick<
  CommandOperation<S>,
  'newId' | 'lookups' | 'lifecycle' | 'unitScope' | 'byClock' | 'echo'
>;

/** A command as its area declares it, before its service names it. */
export type CommandDeclaration<S extends z.ZodObject> = CommandOptions<S> & {
  roles: Roles;
  input: S;
};

/** Declares a command: who may send it, its input, and what else it needs. */
export const command = <S extends z.ZodObject>(
  roles: Roles,
  input: S,
  options: CommandOptions<S> = {},
): CommandDeclaration<S> => ({ roles, input, ...options });

/**
 * The commands `service` decides, each named by its key: the action
 * `service.key`, the mutation `key`, the aggregate's command `Key`.
 */
export const served = <
  // biome-ignore lint/suspicious/noExplicitAny: each declaration keeps its own input schema
  T extends Record<string, CommandDeclaration<any>>,
>(
  service: string,
  declarations: T,
) =>
  Object.fromEntries(
    Object.entries(declarations).map(([name, declaration]) => [
      name,
      {
        kind: 'command',
        ...declaration,
        action: `${service}.${name}`,
        mutation: name,
        command: `${name.charAt(0).toUpperCase()}${name.slice(1)}`,
      },
    ]),
  ) as { [K in keyof T]: CommandOperation<T[K]['input']> };

/** A task command's input: the task, the command's own fields, the client's key. */
export const onTask = <F extends z.ZodRawShape>(fields: F) =>
  z.object({ taskId: id(), ...fields, idempotencyKey });

/** A part of the task the command creates, its id derived per task on a retry. */
export const partOf = (kind: string, field: string): NewId => ({
  field,
  kind,
  scopeField: 'taskId',
});

/** The task lifecycles commands need. */
export const open = ['open'] as const satisfies readonly Lifecycle[];
export const openAndActive = ['open', 'active'] as const satisfies readonly Lifecycle[];

/** A query served by one action, with the field that forwards to it. */
export const query = (
  roles: Roles,
  action: string,
  field?: string | Omit<Field, 'root'>,
): ServiceOperation => ({
  kind: 'query',
  roles,
  endpoints: [{ action, ...(field ? { field: fieldOf('Query', field) } : {}) }],
});

const fieldOf = (root: Field['root'], field: string | Omit<Field, 'root'>): Field =>
  typeof field === 'string' ? { root, name: field } : { root, ...field };

/** A mutation without an aggregate of its own, served by its service. */
export const serviceCommand = (roles: Roles, action: string, field: string): ServiceOperation => ({
  kind: 'command',
  roles,
  endpoints: [{ action, field: fieldOf('Mutation', field) }],
});

/** The endpoints of an operation, whatever its kind. */
export const endpointsOf = (operation: Operation): readonly Endpoint[] =>
  'endpoints' in operation
    ? operation.endpoints
    : [
        {
          action: operation.action,
          ...(operation.mutation ? { field: { root: 'Mutation', name: operation.mutation } } : {}),
        },
      ];

/** Role sets that recur. */
export const office = { office: 'all' } as const satisfies Roles;
export const reporters = { office: 'all', department_head: 'own_unit' } as const satisfies Roles;
export const readers = {
  office: 'all',
  department_head: 'all',
  leader: 'all',
  inspector: 'all',
  liaison: 'all',
} as const satisfies Roles;

/**
 * The rules of a command's data as its decider receives it: the input's field
 * rules (without the idempotency key and a caller-given id), the new entity's
 * id, and whatever the service added (looked-up ids) passed through.
 */
export const dataSchema = (operation: CommandOperation): z.ZodType<Record<string, unknown>> => {
  const { idempotencyKey: _key, ...shape } = operation.input.shape;
  const { newId } = operation;
  if (newId?.given) delete shape[newId.given];
  return z.looseObject({ ...shape, ...(newId ? { [newId.field]: id() } : {}) });
};
