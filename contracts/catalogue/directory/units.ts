import { z } from 'zod';
import { id, idempotencyKey, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, query, readers } from '../declare.ts';

/** Units (责任单位): registered by the office, listed for everyone. */

export const registerUnitInput = z.object({
  id: id().optional(),
  name: text(limits.name),
  idempotencyKey,
});

export const registerUnit = command({
  roles: office,
  action: 'directory.registerUnit',
  mutation: 'registerUnit',
  input: registerUnitInput,
  command: 'RegisterUnit',
  newId: { field: 'unitId', kind: 'unit', given: 'id', answer: 'id', first: true },
});

export const units = query(readers, 'views.units', 'units');
