import type { IndicatorComparison } from '../../contracts/events/task-events.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { type TaskCommandData, taskCommand } from './support/task-commands.ts';
import {
  cooperatingHead,
  evidenceFile,
  indicatorDefined,
  leadHead,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

const define = taskCommand('DefineIndicator', {
  taskId,
  indicatorId: 'i1',
  name: ' New schools opened ',
  unitOfMeasure: ' schools',
  target: 3,
  comparison: 'gte',
  dueDate: '2021-12-31',
  baseline: 0,
});

const reportValue = taskCommand('ReportIndicatorValue', {
  taskId,
  indicatorId: 'i1',
  value: 2,
  asOf: '2021-03-01',
  evidence: [evidenceFile],
});

const valueReported = (source: 'self_reported' | 'measured', reportedByUnitId: string | null) => ({
  type: 'IndicatorValueReported' as const,
  data: {
    taskId,
    indicatorId: 'i1',
    value: 2,
    asOf: '2021-03-01',
    source,
    evidence: [evidenceFile],
    reportedByUnitId,
  },
});

describe('defining an indicator (实效)', () => {
  it('records the target with text trimmed', () => {
    given(taskDecider, plannedTask).when(define()).then([indicatorDefined()]);
  });

  it('may have no baseline', () => {
    const expected = indicatorDefined();
    given(taskDecider, plannedTask)
      .when(define({ baseline: null }))
      .then([{ ...expected, data: { ...expected.data, baseline: null } } as typeof expected]);
  });

  it('refuses an indicator id already defined', () => {
    given(taskDecider, [...plannedTask, indicatorDefined()])
      .when(define())
      .thenThrows('ILLEGAL_STATE', 'indicatorId');
  });

  it.each<[string, Partial<TaskCommandData<'DefineIndicator'>>, string]>([
    ['an id unfit for an id', { indicatorId: 'i/1' }, 'indicatorId'],
    ['a blank name', { name: ' ' }, 'name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a blank unit of measure', { unitOfMeasure: '' }, 'unitOfMeasure'],
    ['a unit of measure over 20 characters', { unitOfMeasure: 'x'.repeat(21) }, 'unitOfMeasure'],
    ['a target that is no number', { target: Number.NaN }, 'target'],
    ['an infinite target', { target: Number.POSITIVE_INFINITY }, 'target'],
    ['an unknown comparison', { comparison: 'gt' as IndicatorComparison }, 'comparison'],
    ['a due date that is no date', { dueDate: '2021-02-29' }, 'dueDate'],
    ['a due date after the task', { dueDate: '2022-01-01' }, 'dueDate'],
    ['a baseline that is no number', { baseline: Number.NaN }, 'baseline'],
  ])('refuses %s', (_, change, field) => {
    given(taskDecider, plannedTask).when(define(change)).thenThrows('VALIDATION', field);
  });
});

describe('reporting an indicator value', () => {
  const defined = [...plannedTask, indicatorDefined()];

  it('is self-reported by the lead unit', () => {
    given(taskDecider, defined)
      .when(reportValue(), leadHead)
      .then([valueReported('self_reported', 'education-bureau')]);
  });

  it('is not reported by a cooperating unit: the task’s results are the lead unit’s', () => {
    const refused = given(taskDecider, defined)
      .when(reportValue(), cooperatingHead)
      .thenThrows('FORBIDDEN');
    expect(refused.message).toContain('only the lead unit reports its indicators');
  });

  it('is measured when the office reports it', () => {
    given(taskDecider, defined)
      .when(reportValue())
      .then([valueReported('measured', null)]);
  });

  it('accepts today in China Standard Time, a day ahead of UTC', () => {
    const evening = { ...leadHead, now: '2021-03-01T16:30:00.000Z' };
    const expected = valueReported('self_reported', 'education-bureau');
    given(taskDecider, defined)
      .when(reportValue({ asOf: '2021-03-02' }), evening)
      .then([{ ...expected, data: { ...expected.data, asOf: '2021-03-02' } }]);
  });

  it('needs a defined indicator', () => {
    given(taskDecider, defined)
      .when(reportValue({ indicatorId: 'i9' }), leadHead)
      .thenThrows('NOT_FOUND', 'indicatorId');
  });

  it.each<[string, Partial<TaskCommandData<'ReportIndicatorValue'>>, string]>([
    ['a value that is no number', { value: Number.NaN }, 'value'],
    ['an as-of day that is no date', { asOf: '2021-3-1' }, 'asOf'],
    ['an as-of day in the future', { asOf: '2021-03-02' }, 'asOf'],
    ['bad evidence', { evidence: [{ ...evidenceFile, size: -5 }] }, 'evidence[0].size'],
  ])('refuses %s', (_, change, field) => {
    given(taskDecider, defined).when(reportValue(change), leadHead).thenThrows('VALIDATION', field);
  });
});

describe('an indicator whose target the work report gives as 约 (about)', () => {
  it('records its tolerance, and which of its terms the plan assumed', () => {
    const expected = indicatorDefined();
    given(taskDecider, plannedTask)
      .when(define({ tolerance: 500, assumed: ['tolerance', 'baseline'] }))
      .then([
        {
          ...expected,
          data: { ...expected.data, tolerance: 500, assumed: ['tolerance', 'baseline'] },
        } as typeof expected,
      ]);
  });

  it('records no tolerance field for an exact target, so its fact reads as before', () => {
    given(taskDecider, plannedTask)
      .when(define({ tolerance: 0, assumed: [] }))
      .then([indicatorDefined()]);
  });

  it.each<[string, Partial<TaskCommandData<'DefineIndicator'>>, string]>([
    ['a negative tolerance', { tolerance: -1 }, 'tolerance'],
    ['a tolerance that is no number', { tolerance: Number.NaN }, 'tolerance'],
    [
      'an assumption that is no term of an indicator',
      { assumed: ['colour' as never] },
      'assumed[0]',
    ],
    ['an assumption named twice', { assumed: ['baseline', 'baseline'] }, 'assumed'],
  ])('refuses %s', (_, change, field) => {
    given(taskDecider, plannedTask).when(define(change)).thenThrows('VALIDATION', field);
  });
});

describe('an indicator that counts (所, 个)', () => {
  const counting = (): ReturnType<typeof indicatorDefined> => {
    const defined = indicatorDefined();
    return { ...defined, data: { ...defined.data, wholeNumbers: true } } as typeof defined;
  };

  it('is recorded as counting whole numbers', () => {
    given(taskDecider, plannedTask)
      .when(define({ wholeNumbers: true }))
      .then([counting()]);
  });

  it.each<[string, Partial<TaskCommandData<'DefineIndicator'>>, string]>([
    ['a fractional target', { target: 2.5 }, 'target'],
    ['a fractional baseline', { baseline: 0.5 }, 'baseline'],
    ['a fractional tolerance', { tolerance: 0.5 }, 'tolerance'],
  ])('refuses %s', (_, change, field) => {
    const refused = given(taskDecider, plannedTask)
      .when(define({ wholeNumbers: true, ...change }))
      .thenThrows('VALIDATION', field);
    expect(refused.details.rule).toBe('must be a whole number: the indicator counts schools');
  });

  it('takes a whole value', () => {
    given(taskDecider, [...plannedTask, counting()])
      .when(reportValue({ value: 7 }), leadHead)
      .then([
        {
          ...valueReported('self_reported', 'education-bureau'),
          data: { ...valueReported('self_reported', 'education-bureau').data, value: 7 },
        },
      ]);
  });

  it('refuses a fraction, naming the value and the rule: 6.9 schools were not opened', () => {
    const refused = given(taskDecider, [...plannedTask, counting()])
      .when(reportValue({ value: 6.9 }), leadHead)
      .thenThrows('VALIDATION', 'value');
    expect(refused.details.rule).toBe('must be a whole number: the indicator counts schools');
  });

  it('refuses a fraction measured by the office too', () => {
    given(taskDecider, [...plannedTask, counting()])
      .when(reportValue({ value: 6.5 }))
      .thenThrows('VALIDATION', 'value');
  });

  it('leaves an indicator defined without the flag (before counts were kept) taking any number', () => {
    const expected = valueReported('self_reported', 'education-bureau');
    given(taskDecider, [...plannedTask, indicatorDefined()])
      .when(reportValue({ value: 6.9 }), leadHead)
      .then([{ ...expected, data: { ...expected.data, value: 6.9 } }]);
  });
});
