import type { Context, ServiceSchema } from 'moleculer';
import { z } from 'zod';
import type { Actor } from '../../contracts/actor.ts';
import { auditSearchInput } from '../../contracts/catalogue/audit.ts';
import { forbidden } from '../../contracts/errors.ts';
import { id } from '../../contracts/fields.ts';
import type { RequestMeta } from '../shared/action.ts';
import { correlationOf, guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import type { AuditRuntime } from './audit-runtime.ts';
import type { HistoryReadRequest } from './read-records.ts';
import { createReadRecorder, isRecordedReader } from './read-records.ts';
import type { ReadTally } from './read-tally.ts';
import { searchHistory } from './search-history.ts';

const taskHistoryReadInput = z.object({
  taskId: id(),
  resultCount: z.number().int().min(0, 'must be at least 0'),
});

/** The search as asked: its filters and page, without the ones left empty. */
const askedSearch = (params: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(parseInput(auditSearchInput, params)).filter(
      ([, value]) => value !== null && value !== undefined,
    ),
  );

const requestIds = (ctx: Context<unknown, RequestMeta>) => ({
  correlationId: correlationOf(ctx),
  causationId: ctx.id,
});

/**
 * The audit's read actions, each read by an inspector or a leader recorded as an
 * `AuditHistoryRead` before it is answered; if the record
 * cannot be stored the read is refused, never answered unrecorded.
 *
 * Records of reads are events like any other, so reading them is a read too. To
 * keep that from turning into a confusing hall of mirrors: a search leaves read
 * records out unless it asks for them (type `AuditHistoryRead`, or an
 * `audit-reads-…` stream); each search, including one for read records, adds
 * exactly one record; and that record is written after the page is computed, so
 * no answer ever contains its own record. Reading the records of reads grows
 * them by one per search, never more.
 */
export const readActions = (
  deps: ServiceDeps,
  live: () => AuditRuntime,
  tally: ReadTally,
): NonNullable<ServiceSchema['actions']> => {
  const record = createReadRecorder(deps);
  const recorded = async (
    actor: Actor,
    read: Omit<HistoryReadRequest, 'correlationId' | 'causationId'>,
    ctx: Context<unknown, RequestMeta>,
  ) => {
    await record(actor, { ...read, ...requestIds(ctx) });
    if (isRecordedReader(actor)) tally.count(actor, read.operation, read.query);
  };

  return {
    searchHistory: guarded('auditSearch', async (ctx, actor) => {
      const page = await searchHistory(live(), deps.eventStore, ctx.params, actor);
      const query = askedSearch(ctx.params);
      await recorded(
        actor,
        { operation: 'auditHistory', query, resultCount: page.edges.length },
        ctx,
      );
      return page;
    }),

    /**
     * Records a task-history read the gateway is about to answer: the views
     * service reads the events, the audit keeps the record of who read them.
     */
    recordTaskHistoryRead: guarded('taskHistory', async (ctx, actor) => {
      if (!isRecordedReader(actor)) {
        throw forbidden(`recordTaskHistoryRead: reads by role ${actor.role} are not recorded`);
      }
      const { taskId, resultCount } = parseInput(taskHistoryReadInput, ctx.params);
      await recorded(actor, { operation: 'taskHistory', query: { taskId }, resultCount }, ctx);
      return { recorded: true };
    }),
  };
};
