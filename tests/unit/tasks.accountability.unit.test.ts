import type { AccountabilityKind } from '../../contracts/events/task-events.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { type TaskCommandData, taskCommand } from './support/task-commands.ts';
import { inspector, plannedTask, taskId } from './support/task-fixtures.ts';

const record = taskCommand('RecordAccountability', {
  taskId,
  recordId: 'acc1',
  against: { kind: 'unit', id: 'education-bureau' },
  kind: 'criticism',
  reason: ' Milestone missed twice ',
  scoreDeduction: 2,
  knownUnitIds: ['education-bureau'],
  knownOfficialIds: ['official-wang'],
});

const recorded = (
  change: Partial<TaskCommandData<'RecordAccountability'>> = {},
  status: 'decided' | 'recommended' = 'decided',
) => ({
  type: 'AccountabilityRecorded' as const,
  data: {
    taskId,
    recordId: 'acc1',
    against: change.against ?? { kind: 'unit' as const, id: 'education-bureau' },
    kind: change.kind ?? ('criticism' as const),
    reason: 'Milestone missed twice',
    scoreDeduction: change.scoreDeduction ?? 2,
    status,
  },
});

describe('recording accountability (问责)', () => {
  it('records a criticism of a unit with its deduction, by the office', () => {
    given(taskDecider, plannedTask).when(record()).then([recorded()]);
  });

  it('records a demerit of an official, by an inspector', () => {
    const change = {
      against: { kind: 'official' as const, id: 'official-wang' },
      kind: 'demerit' as const,
    };
    given(taskDecider, plannedTask)
      .when(record(change), inspector)
      .then([recorded(change)]);
  });

  it.each(['admonishment', 'warning', 'demerit'] as const)(
    'records a %s of an official by the office as a recommendation (问责建议), not a decision',
    (kind) => {
      const change = { against: { kind: 'official' as const, id: 'official-wang' }, kind };
      given(taskDecider, plannedTask)
        .when(record(change))
        .then([recorded(change, 'recommended')]);
    },
  );

  it.each(['interview', 'ordered_self_examination', 'criticism'] as const)(
    'records the office’s own measure, a %s, as a decision',
    (kind) => {
      given(taskDecider, plannedTask)
        .when(record({ kind }))
        .then([recorded({ kind })]);
    },
  );

  it.each([0, 100])('accepts a deduction of %p points', (scoreDeduction) => {
    given(taskDecider, plannedTask)
      .when(record({ scoreDeduction }))
      .then([recorded({ scoreDeduction })]);
  });

  it('refuses a record id already used', () => {
    given(taskDecider, [...plannedTask, recorded()])
      .when(record())
      .thenThrows('ILLEGAL_STATE', 'recordId');
  });

  it('needs a record id fit for an id', () => {
    given(taskDecider, plannedTask)
      .when(record({ recordId: '-acc' }))
      .thenThrows('VALIDATION', 'recordId');
  });

  it('needs a subject that is a unit or an official', () => {
    const against = { kind: 'department' as 'unit', id: 'education-bureau' };
    given(taskDecider, plannedTask)
      .when(record({ against }))
      .thenThrows('VALIDATION', 'against.kind');
  });

  it.each([
    ['unit', 'land-bureau'],
    ['official', 'official-li'],
  ] as const)('needs a %s the directory knows', (kind, id) => {
    given(taskDecider, plannedTask)
      .when(record({ against: { kind, id } }))
      .thenThrows('NOT_FOUND', 'against.id');
  });

  it('does not take a unit’s id as an official’s', () => {
    given(taskDecider, plannedTask)
      .when(record({ against: { kind: 'official', id: 'education-bureau' } }))
      .thenThrows('NOT_FOUND', 'against.id');
  });

  it('needs a kind from the list', () => {
    given(taskDecider, plannedTask)
      .when(record({ kind: 'fine' as AccountabilityKind }))
      .thenThrows('VALIDATION', 'kind');
  });

  it.each(['admonishment', 'warning', 'demerit'] as const)(
    'refuses %s against a unit: it is a sanction on a person',
    (kind) => {
      given(taskDecider, plannedTask).when(record({ kind })).thenThrows('VALIDATION', 'kind');
    },
  );

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(record({ reason: '' }))
      .thenThrows('VALIDATION', 'reason');
  });

  it.each([-1, 100.5, Number.NaN])('refuses a deduction of %p', (scoreDeduction) => {
    given(taskDecider, plannedTask)
      .when(record({ scoreDeduction }))
      .thenThrows('VALIDATION', 'scoreDeduction');
  });
});
