import type { Context, ServiceSchema } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { CommandOperation, NewId } from '../../contracts/catalogue/declare.ts';
import { commandsOf } from '../../contracts/catalogue/index.ts';
import { dayOf } from '../../contracts/dates.ts';
import { deterministicId, newId } from '../../infra/ids/ids.ts';
import { guarded, type RequestMeta } from './action.ts';
import type { CommandResult } from './command-handler.ts';
import type { Decider } from './decider.ts';
import type { ServiceDeps } from './deps.ts';
import { publishedNear } from './published-calendars.ts';
import { readRuleset } from './published-rulesets.ts';
import { runCommand } from './run-command.ts';
import { parseInput } from './validate.ts';

type Data = Record<string, unknown>;
type CommandContext = Context<unknown, RequestMeta>;

/**
 * What a command's facts ask for on other streams once they are recorded (a
 * split creates its sub-tasks): run after the command, and again when a retry
 * replays it, so it must itself be idempotent.
 */
export type FollowUp = (ctx: CommandContext, actor: Actor, result: CommandResult) => Promise<void>;

/** An aggregate's decider and how a command's data names its stream. */
export interface Aggregate {
  // biome-ignore lint/suspicious/noExplicitAny: each aggregate has its own command, event and state types
  decider: Decider<any, any, any>;
  streamId: (data: Data) => string;
  /** Follow-ups by command type. */
  followUps?: Readonly<Record<string, FollowUp>>;
}

/**
 * The id a retried command derives again, named by the idempotency key (else
 * new): `kind|scope|actor|key`, or `kind|actor|key` for entities the caller may name.
 */
const derivedId = (spec: NewId, data: Data, actor: Actor, key?: string) => {
  if (!key) return newId();
  const scope = spec.given === undefined ? `|${String(data[spec.scopeField ?? ''] ?? '')}` : '';
  return deterministicId(`${spec.kind}${scope}|${actor.id}|${key}`);
};

/** The caller's own name for the entity, taken out of the data it came in. */
const takeGiven = (input: Data, field: string | undefined) => {
  if (field === undefined) return { given: undefined, data: input };
  const { [field]: given, ...data } = input;
  return { given: typeof given === 'string' ? given : undefined, data };
};

/** The new entity's id placed in the data: the caller's own, or derived. */
const withNewId = (operation: CommandOperation, input: Data, actor: Actor, key?: string) => {
  const spec = operation.newId;
  if (!spec) return { data: input, id: undefined };
  const { given, data } = takeGiven(input, spec.given);
  const id = given ?? derivedId(spec, data, actor, key);
  return { data: spec.first ? { [spec.field]: id, ...data } : { ...data, [spec.field]: id }, id };
};

const present = (ids: readonly (string | null)[]): string[] =>
  ids.filter((id): id is string => id !== null);

/**
 * What the directory confirmed of the ids the command names (`knownUnitIds`,
 * `knownOfficialIds`) and the categories of units (`unitCategories`), the
 * calendars published (`calendars`) and the ruleset in force today (`ruleset`),
 * as declared.
 */
const lookedUp = async (
  deps: ServiceDeps,
  ctx: CommandContext,
  operation: CommandOperation,
  data: Data,
) => {
  const known = async (action: string, ids: readonly (string | null)[]) => {
    const asked = present(ids);
    return asked.length === 0 ? [] : ctx.call<string[], { ids: string[] }>(action, { ids: asked });
  };
  const { units, officials, unitCategories, calendars, ruleset } = operation.lookups ?? {};
  const today = dayOf(deps.clock.now());
  // Each lookup on its own: they are asked at once, not one after the other.
  const [published, inForce, categories, knownUnitIds, knownOfficialIds] = await Promise.all([
    calendars ? publishedNear(deps.eventStore, today) : undefined,
    ruleset ? readRuleset(deps.eventStore, today) : undefined,
    unitCategories
      ? ctx.call<Record<string, string>, { ids: string[] }>('directory.unitCategories', {
          ids: present(unitCategories(data as never)),
        })
      : undefined,
    units ? known('directory.knownUnits', units(data as never)) : undefined,
    officials ? known('directory.knownOfficials', officials(data as never)) : undefined,
  ]);
  return {
    ...(published ? { calendars: published } : {}),
    ...(inForce ? { ruleset: inForce } : {}),
    ...(categories ? { unitCategories: categories } : {}),
    ...(knownUnitIds ? { knownUnitIds } : {}),
    ...(knownOfficialIds ? { knownOfficialIds } : {}),
  };
};

/**
 * What the rules on the unit tree read, looked up beside the rest: the paths of
 * the units the command places or names (`unitPaths`, as declared), and, for a
 * department head acting on a task, the units it answers for (`scopeUnitIds`:
 * its own and those below it in the tree, from the directory's read model).
 */
const treeLookedUp = async (
  ctx: CommandContext,
  operation: CommandOperation,
  data: Data,
  actor: Actor,
) => {
  const unitPaths = operation.lookups?.unitPaths;
  const headOnTask =
    operation.unitScope === 'task' && actor.role === 'department_head' && actor.unitId;
  const [paths, scope] = await Promise.all([
    unitPaths
      ? ctx.call<Record<string, string[]>, { ids: string[] }>('directory.unitPaths', {
          ids: present(unitPaths(data as never).map((unitId) => unitId ?? null)),
        })
      : undefined,
    headOnTask
      ? ctx.call<string[], { unitId: string }>('directory.unitSubtree', { unitId: headOnTask })
      : undefined,
  ]);
  return { ...(paths ? { unitPaths: paths } : {}), ...(scope ? { scopeUnitIds: scope } : {}) };
};

/** A value as the command's first event recorded it: a replayed command answers what was stored. */
const recorded = (result: CommandResult, field: string, fallback: unknown): unknown =>
  (result.events[0]?.data as Data | undefined)?.[field] ?? fallback;

/** What a command answers: the stream's revision and global position, and what it named. */
const answerOf = (operation: CommandOperation, data: Data, id: unknown, result: CommandResult) => {
  const { newId: spec, echo } = operation;
  return {
    ...(spec?.answer === 'id' ? { id } : {}),
    ...(spec && spec.answer !== 'id' ? { [spec.field]: recorded(result, spec.field, id) } : {}),
    ...(echo ? { [echo]: recorded(result, echo, data[echo]) } : {}),
    revision: result.revision,
    position: result.position,
  };
};

/** One declared command as a broker action: parse, name, look up, decide, answer. */
const commandAction = (
  deps: ServiceDeps,
  name: string,
  operation: CommandOperation,
  aggregate: Aggregate,
) =>
  guarded(name as never, async (ctx, actor) => {
    const { idempotencyKey, ...input } = parseInput(operation.input, ctx.params) as Data & {
      idempotencyKey?: string;
    };
    const named = withNewId(operation, input, actor, idempotencyKey);
    const [looked, tree] = await Promise.all([
      lookedUp(deps, ctx, operation, named.data),
      treeLookedUp(ctx, operation, named.data, actor),
    ]);
    const data = { ...named.data, ...looked, ...tree };
    const command = { type: operation.command, data };
    const streamId = aggregate.streamId(data);
    const result = await runCommand(
      deps,
      ctx,
      actor,
      aggregate.decider,
      streamId,
      command,
      idempotencyKey,
    );
    await aggregate.followUps?.[operation.command]?.(ctx, actor, result);
    return answerOf(operation, data, named.id, result);
  });

/**
 * The broker actions of every command the catalogue declares for `service`,
 * each run on the aggregate `aggregateOf` names for it.
 */
export const commandActions = (
  deps: ServiceDeps,
  service: string,
  aggregateOf: (operation: CommandOperation) => Aggregate,
): ServiceSchema['actions'] =>
  Object.fromEntries(
    commandsOf(service).map(([name, operation]) => [
      operation.action.slice(service.length + 1),
      commandAction(deps, name, operation, aggregateOf(operation)),
    ]),
  );
