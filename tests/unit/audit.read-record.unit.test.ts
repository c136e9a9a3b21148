import type { Actor } from '../../contracts/actor.ts';
import type { AuditEvent } from '../../contracts/events/index.ts';
import {
  type ReadRecordCommand,
  readRecordDecider,
} from '../../services/audit/domain/read-record.ts';
import { given } from './support/given-when-then.ts';

const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const at = (now: string) => ({ actor: inspector, now });
const query = { taskId: 't1' };
const read: ReadRecordCommand = {
  type: 'RecordHistoryRead',
  data: { operation: 'taskHistory', query, resultCount: 5 },
};
const window = { from: '2021-06-01T02:00:00.000Z', to: '2021-06-01T02:10:00.000Z' };
const tally = (reads: number): ReadRecordCommand => ({
  type: 'TallyHistoryReads',
  data: { operation: 'taskHistory', query, window, reads },
});
const first: AuditEvent = {
  type: 'AuditHistoryRead',
  data: {
    actorId: 'inspector-1',
    role: 'inspector',
    operation: 'taskHistory',
    query,
    resultCount: 5,
    at: '2021-06-01T02:03:00.000Z',
    window,
    reads: 1,
  },
};

describe('the records of an inspector’s reads', () => {
  it('record the first read of a window, with the window and a count of 1', () => {
    given(readRecordDecider, []).when(read, at('2021-06-01T02:03:00.000Z')).then([first]);
  });

  it('add nothing for another read of the same thing in the same window', () => {
    given(readRecordDecider, [first]).when(read, at('2021-06-01T02:09:59.000Z')).then([]);
  });

  it('record the same thing again in the next window', () => {
    given(readRecordDecider, [first])
      .when(read, at('2021-06-01T02:10:00.000Z'))
      .then([
        {
          ...first,
          data: {
            ...first.data,
            at: '2021-06-01T02:10:00.000Z',
            window: { from: '2021-06-01T02:10:00.000Z', to: '2021-06-01T02:20:00.000Z' },
          },
        } as AuditEvent,
      ]);
  });

  it('record a window’s count once it is over, once', () => {
    const counted: AuditEvent = {
      type: 'AuditHistoryRead',
      data: { ...first.data, resultCount: 0, at: '2021-06-01T02:11:00.000Z', reads: 4 },
    } as AuditEvent;
    given(readRecordDecider, [first])
      .when(tally(4), at('2021-06-01T02:11:00.000Z'))
      .then([counted]);
    given(readRecordDecider, [first, counted])
      .when(tally(4), at('2021-06-01T02:12:00.000Z'))
      .then([]);
  });

  it('refuse a count below 2, naming the field', () => {
    given(readRecordDecider, [first])
      .when(tally(1), at('2021-06-01T02:11:00.000Z'))
      .thenThrows('VALIDATION', 'reads');
  });
});
