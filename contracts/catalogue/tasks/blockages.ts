import { z } from 'zod';
import { id, optionalText, reason, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, onTask, open, partOf, reporters, served } from '../declare.ts';

/** Blockages (堵点): reported and resolved by the units, escalated and coordinated by leaders. */

export const reportBlockageInput = onTask({
  description: text(limits.description),
  waitingOnUnitId: id()
    .nullish()
    .transform((value) => value ?? null),
});

export const resolveBlockageInput = onTask({ blockageId: id(), resolution: text(limits.note) });

export const escalateBlockageInput = onTask({
  blockageId: id(),
  level: z.literal([1, 2], { error: 'must be 1 (responsible leader) or 2 (main leader)' }),
});

export const assignBlockageCoordinationInput = onTask({
  blockageId: id(),
  coordinatorUnitId: id(),
  note: optionalText(limits.note),
});

export const reopenBlockageInput = onTask({ blockageId: id(), reason: reason() });

export const declareBlockagePartDoneInput = onTask({
  blockageId: id(),
  note: text(limits.note),
});

const leader = { leader: 'all' } as const;

export const blockageCommands = served('tasks', {
  reportBlockage: command(reporters, reportBlockageInput, {
    newId: partOf('blockage', 'blockageId'),
    lookups: { units: (data) => [data.waitingOnUnitId] },
    unitScope: 'task',
    lifecycle: open,
  }),
  resolveBlockage: command({ ...reporters, ...leader }, resolveBlockageInput, {
    unitScope: 'task',
  }),
  escalateBlockage: command(leader, escalateBlockageInput, { byClock: true }),
  assignBlockageCoordination: command(leader, assignBlockageCoordinationInput, {
    lookups: { units: (data) => [data.coordinatorUnitId] },
  }),
  reopenBlockage: command(reporters, reopenBlockageInput, { unitScope: 'task', lifecycle: open }),
  /** The unit waited on, even one that neither leads nor co-owns the task. */
  declareBlockagePartDone: command({ department_head: 'own_unit' }, declareBlockagePartDoneInput, {
    unitScope: 'decider',
    lifecycle: open,
  }),
});
