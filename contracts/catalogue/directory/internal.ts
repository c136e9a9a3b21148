import { readers, type ServiceOperation } from '../declare.ts';

/** Lookups services make for each other on behalf of the calling actor (or the clock). */
export const internal: ServiceOperation = {
  kind: 'query',
  roles: { ...readers, system: 'all' },
  endpoints: [
    { action: 'directory.knownUnits' },
    { action: 'directory.unitCategories' },
    { action: 'directory.knownOfficials' },
    { action: 'directory.unitPaths' },
    { action: 'directory.unitSubtree' },
  ],
};
