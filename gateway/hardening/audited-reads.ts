import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { recordedReaders } from '../../contracts/events/audit-events.ts';

/**
 * Reads the gateway records with the audit service because the service that
 * answers them does not: a task's history, read by the views service. (Audit
 * searches are recorded by the audit service itself.)
 */
const auditedByGateway = new Set(['views.taskHistory']);

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
