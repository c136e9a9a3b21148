import { type Data, recordedOn } from '../../events.ts';
import type { EventEnvelope } from '../../projection.ts';
import { isReadBy } from '../../readers.ts';
import { createdBy } from '../created-by.ts';
import { partDocumentId, stamped } from '../shared.ts';
import type { BoardBlockage } from './document.ts';

const reported = (data: Data<'BlockageReported'>, envelope: EventEnvelope): BoardBlockage => ({
  id: partDocumentId(data.taskId, data.blockageId),
  position: envelope.position,
  taskId: data.taskId,
  blockageId: data.blockageId,
  description: data.description,
  waitingOnUnitId: data.waitingOnUnitId,
  reportedByUnitId: data.reportedByUnitId,
  reportedOn: recordedOn(envelope),
  openedOn: recordedOn(envelope),
  open: true,
  resolvedOn: null,
  resolution: null,
  level: 0,
  escalations: [],
  coordinatorUnitId: null,
  reopenedCount: 0,
});

const escalated = (
  blockage: BoardBlockage,
  envelope: EventEnvelope,
  data: Data<'BlockageEscalated'>,
): BoardBlockage =>
  stamped(blockage, envelope, {
    level: Math.max(blockage.level, data.level) as BoardBlockage['level'],
    escalations: [
      ...blockage.escalations,
      { day: recordedOn(envelope), level: data.level, by: data.by },
    ],
  });

const isRead = isReadBy('boardBlockages');

/** Applies an event to an existing blockage. */
const evolveReported = (blockage: BoardBlockage, envelope: EventEnvelope): BoardBlockage => {
  const { event } = envelope;
  if (!isRead(event)) return blockage;
  const day = recordedOn(envelope);
  switch (event.type) {
    case 'BlockageReported':
      return reported(event.data, envelope);
    case 'BlockageResolved':
      return stamped(blockage, envelope, {
        open: false,
        resolvedOn: day,
        resolution: event.data.resolution,
      });
    case 'BlockageReopened':
      return stamped(blockage, envelope, {
        open: true,
        openedOn: day,
        resolvedOn: null,
        resolution: null,
        reopenedCount: blockage.reopenedCount + 1,
      });
    case 'BlockageEscalated':
      return escalated(blockage, envelope, event.data);
    case 'BlockageCoordinationAssigned':
      return stamped(blockage, envelope, { coordinatorUnitId: event.data.coordinatorUnitId });
    default: {
      // Only the events readers.ts names for this view get past `isRead`.
      const _exhaustive: never = event;
      return blockage;
    }
  }
};

/** Builds a blockage's board document; returns new objects, never mutates `blockage`. */
export const evolveBoardBlockage = createdBy('BlockageReported', reported, evolveReported);
