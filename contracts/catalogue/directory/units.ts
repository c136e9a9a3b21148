import { z } from 'zod';
import { unitCategories } from '../../events/unit-events.ts';
import { id, idempotencyKey, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, query, readers, served } from '../declare.ts';

/** Units (责任单位): registered by the office, listed for everyone. */

export const registerUnitInput = z.object({
  id: id().optional(),
  name: text(limits.name),
  category: z.enum(unitCategories).optional(),
  /** The unit it belongs to (a street's 社区, a department's 科室); absent: a top-level unit. */
  parentUnitId: id().nullish(),
  idempotencyKey,
});

export const unitCommands = served('directory', {
  registerUnit: command(office, registerUnitInput, {
    newId: { field: 'unitId', kind: 'unit', given: 'id', answer: 'id', first: true },
    lookups: { unitPaths: (data) => [data.parentUnitId] },
  }),
});

export const units = query(readers, 'views.units', 'units');
