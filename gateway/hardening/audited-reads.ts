import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { validationError } from '../../contracts/errors.ts';
import { recordedReaders } from '../../contracts/events/audit-events.ts';

/**
 * Reads the gateway records with the audit service because the service that
 * answers them does not: a task's history, read by the views service. (Audit
 * searches are recorded by the audit service itself.)
 */
const auditedByGateway = new Set(['views.taskHistory']);

/** Every read recorded for inspectors and leaders: by the gateway, or by the audit service. */
const recordedReads = new Set([...auditedByGateway, 'audit.searchHistory']);

/** Recorded reads one request may make (aliases and batched operations together). */
export const maxRecordedReadsPerRequest = 10;

const recordedReadsOf = new WeakMap<Request, number>();

/**
 * Counts a recorded read against its request, refusing the one past the bound:
 * a single request cannot make the log grow by more than a few records.
 */
export const countRecordedRead = (request: Request, action: string, actor: Actor): void => {
  if (!recordedReads.has(action) || !isRecordedReader(actor)) return;
  const count = (recordedReadsOf.get(request) ?? 0) + 1;
  recordedReadsOf.set(request, count);
  if (count > maxRecordedReadsPerRequest) {
    throw validationError(
      'query',
      `must make at most ${maxRecordedReadsPerRequest} recorded reads (taskHistory, auditHistory) per request`,
    );
  }
};

const isRecordedReader = (actor: Actor): boolean =>
  (recordedReaders as readonly string[]).includes(actor.role);

/** How many events a page of a history holds. */
const eventsIn = (result: unknown): number => {
  const edges = (result as { edges?: unknown } | null)?.edges;
  return Array.isArray(edges) ? edges.length : 0;
};

export interface ReadCall {
  action: string;
  params: Record<string, unknown>;
  result: unknown;
  meta: Record<string, unknown>;
}

/**
 * Records the read before the gateway answers it. If the audit service cannot
 * record it, this throws and the read is refused: no unrecorded read.
 */
export const recordReadIfAudited = async (
  broker: ServiceBroker,
  actor: Actor,
  read: ReadCall,
): Promise<void> => {
  if (!auditedByGateway.has(read.action) || !isRecordedReader(actor)) return;
  await broker.call(
    'audit.recordTaskHistoryRead',
    {
      taskId: read.params.id,
      resultCount: eventsIn(read.result),
    },
    // A fresh meta: the read's own may carry what its answer merged into it.
    { meta: { correlationId: read.meta.correlationId, actor } },
  );
};
