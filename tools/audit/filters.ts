import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { ExportFilters } from './bundle.ts';

// The filters mean what the audit service's history search means by them, so an
// export reproduces a search: the unit is the one the actor acted for, and both
// ends of the recorded-at range are inclusive.

const recordedWithin = (event: StoredEvent, filters: ExportFilters): boolean => {
  const at = Date.parse(event.recordedAt);
  if (filters.from !== undefined && !(at >= Date.parse(filters.from))) return false;
  if (filters.to !== undefined && !(at <= Date.parse(filters.to))) return false;
  return true;
};

/** Whether the event passes every filter given (they combine with AND). */
export const matchesFilters = (event: StoredEvent, filters: ExportFilters): boolean =>
  (filters.stream === undefined || event.streamId === filters.stream) &&
  (filters.type === undefined || event.type === filters.type) &&
  (filters.actor === undefined || event.metadata?.actor?.id === filters.actor) &&
  (filters.unit === undefined || event.metadata?.actor?.unitId === filters.unit) &&
  recordedWithin(event, filters);

/**
 * Checks filter values from the command line; the message names the first bad
 * one. `from` and `to` must be ISO timestamps (or dates), `from` not after `to`.
 */
export const filtersProblem = (filters: ExportFilters): string | null => {
  for (const name of ['stream', 'type', 'actor', 'unit', 'from', 'to'] as const) {
    if (filters[name] === '') return `--${name}: must not be empty`;
  }
  for (const name of ['from', 'to'] as const) {
    const value = filters[name];
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      return `--${name} ${value}: must be an ISO timestamp, e.g. 2021-03-31T00:00:00Z`;
    }
  }
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
    return `--from ${filters.from}: must not be after --to ${filters.to}`;
  }
  return null;
};
