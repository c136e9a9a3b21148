import type { AuditEvent } from '../../contracts/events/index.ts';
import { type AlarmCommand, alarmDecider } from '../../services/audit/domain/alarm-record.ts';
import { given } from './support/given-when-then.ts';

const raise = (position: number, what = 'changed'): AlarmCommand => ({
  type: 'RaiseAlarm',
  data: { position, what },
});
const raised = (
  position: number,
  what = 'changed',
  at = '2021-03-01T08:00:00.000Z',
): AuditEvent => ({
  type: 'AuditAlarmRaised',
  data: { position, what, at },
});

describe('the audit alarm', () => {
  it('is recorded with the time it was found', () => {
    given(alarmDecider, [])
      .when(raise(5))
      .then([raised(5)]);
  });

  it('is recorded once per divergence, found again at each start', () => {
    given(alarmDecider, [raised(5)])
      .when(raise(5))
      .then([]);
    given(alarmDecider, [raised(5)])
      .when(raise(7))
      .then([raised(7)]);
  });

  it('names a real position', () => {
    given(alarmDecider, []).when(raise(0)).thenThrows('VALIDATION', 'position');
  });
});
