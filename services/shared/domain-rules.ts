import { notFound } from '../../contracts/errors.ts';

/**
 * The directory must have confirmed the unit: the service looks the ids up and
 * passes what it found, so that the decision stays pure.
 */
export const knownUnit = (
  field: string,
  unitId: string,
  knownUnitIds: readonly string[],
): string => {
  if (!knownUnitIds.includes(unitId)) throw notFound(field, `unit ${unitId}`);
  return unitId;
};
