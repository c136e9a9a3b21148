import { notFound } from '../../../contracts/errors.ts';

export { isoDate, newId, requiredText } from '../../shared/domain-rules.ts';

/** The directory must have confirmed the unit (the service passes what it found). */
export const knownUnit = (
  field: string,
  unitId: string,
  knownUnitIds: readonly string[],
): string => {
  if (!knownUnitIds.includes(unitId)) throw notFound(field, `unit ${unitId}`);
  return unitId;
};
