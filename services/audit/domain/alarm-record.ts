import { validationError } from '../../../contracts/errors.ts';
import type { AuditEvent } from '../../../contracts/events/index.ts';
import type { Decider, DecisionContext } from '../../shared/decider.ts';

/** Record that the stored log was found altered at `position`. */
export type AlarmCommand = { type: 'RaiseAlarm'; data: { position: number; what: string } };

/** The divergences recorded so far (`<position> <what>`): each is recorded once. */
export type AlarmState = { raised: ReadonlySet<string> };

const keyOf = (data: { position: number; what: string }) => `${data.position} ${data.what}`;

const decide = (
  command: AlarmCommand,
  state: AlarmState,
  { now }: DecisionContext,
): AuditEvent[] => {
  const { position, what } = command.data;
  if (!Number.isSafeInteger(position) || position < 1) {
    throw validationError('position', 'must be a log position (a whole number of at least 1)');
  }
  if (what.length === 0 || what.length > 500) {
    throw validationError('what', 'must say what was found, in at most 500 characters');
  }
  // The same divergence found again (at each start, until the log is repaired) adds nothing.
  if (state.raised.has(keyOf(command.data))) return [];
  return [{ type: 'AuditAlarmRaised', data: { position, what, at: now } }];
};

const evolve = (state: AlarmState, event: AuditEvent): AlarmState => {
  switch (event.type) {
    case 'AuditAlarmRaised':
      return { raised: new Set(state.raised).add(keyOf(event.data)) };
    case 'TreeHeadSigned':
    case 'TreeHeadCosigned':
    case 'SigningKeyRotated':
    case 'AuditHistoryRead':
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** The audit service's alarms (the stream `audit-alarms`). */
export const alarmDecider: Decider<AlarmCommand, AuditEvent, AlarmState> = {
  initialState: () => ({ raised: new Set() }),
  evolve,
  decide,
};
