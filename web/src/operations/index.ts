import * as audit from './audit.ts';
import * as boards from './boards.ts';
import * as exporting from './export.ts';
import { consoleMutations, mutationDocument } from './mutations.ts';
import * as notifications from './notifications.ts';
import * as office from './office.ts';
import * as session from './session.ts';
import * as tasks from './tasks.ts';

const documentsOf = (module: Record<string, unknown>): string[] =>
  Object.values(module).filter(
    (value): value is string => typeof value === 'string' && /^(query|mutation) /.test(value),
  );

/**
 * Every GraphQL document the console sends, each exactly as sent: the build
 * persists them (hash → document) so the gateway can accept these and nothing else.
 */
export const consoleOperations = (): string[] => [
  ...documentsOf(session),
  ...documentsOf(tasks),
  ...documentsOf(boards),
  ...documentsOf(audit),
  ...documentsOf(exporting),
  ...documentsOf(office),
  ...documentsOf(notifications),
  ...consoleMutations.map(mutationDocument),
];
