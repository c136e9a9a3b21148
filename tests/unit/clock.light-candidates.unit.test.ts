import type { DomainEvent, TaskEvent } from '../../contracts/events/index.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { clockAgendaProjection } from '../../projections/clock-agenda/projection.ts';
import { litFilter } from '../../services/supervision/clock/agenda-filters.ts';
import { clockCandidates } from '../../services/supervision/clock/candidates.ts';
import { clockCommand, clockKey } from '../../services/supervision/clock/commands.ts';
import { project } from './support/project.ts';
import {
  completionAccepted,
  milestoneCompleted,
  plannedTask,
  progressReported,
  taskId,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';

type Colour = 'green' | 'yellow' | 'red';

/** The agenda after `events` (the task runs 2021-01-01 to 12-31, its one milestone due 06-30). */
const agenda = (events: DomainEvent[]) => {
  const item = project(clockAgendaProjection, events);
  if (!item) throw new Error('expected an agenda');
  return item;
};

const recorded = (to: Colour, from: Colour = 'green'): TaskEvent => ({
  type: 'TaskLightChanged',
  data: {
    taskId,
    day: '2021-01-04',
    from,
    to,
    reasons: [],
    actual: 0,
    expected: 0,
    rulesetVersion: 0,
  },
});

/** The light candidates of the task on `day`, by the 2021 calendar and the default rules. */
const lights = (events: DomainEvent[], day: string) =>
  clockCandidates([agenda(events)], day, defaultRuleset, shippedCalendars).filter(
    (candidate) => candidate.kind === 'light',
  );

/**
 * m1 is expected done by 06-30, linearly from 01-01 (序时进度): 6.08 on 01-11,
 * 17.68 on 02-01, 33.15 on 03-01.
 */
describe('the light of a task the clock judges each working day', () => {
  it('records nothing while the task stays green, as never recorded is green', () => {
    expect(lights(plannedTask, '2021-01-11')).toEqual([]);
  });

  it('records a change to yellow, with the judgement’s reasons, progress and ruleset', () => {
    expect(lights(plannedTask, '2021-02-01')).toEqual([
      {
        kind: 'light',
        taskId,
        day: '2021-02-01',
        from: 'green',
        light: 'yellow',
        reasons: ['behind 17.68 points'],
        actual: 0,
        expected: 17.68,
        rulesetVersion: 0,
      },
    ]);
  });

  it('records nothing the next day while the light stays the one recorded', () => {
    expect(lights([...plannedTask, recorded('yellow')], '2021-02-02')).toEqual([]);
  });

  it('records the first red, from the light last recorded', () => {
    const fromYellow = lights([...plannedTask, recorded('yellow')], '2021-03-01');
    expect(fromYellow).toEqual([
      expect.objectContaining({ from: 'yellow', light: 'red', reasons: ['behind 33.15 points'] }),
    ]);
    const fromGreen = lights(plannedTask, '2021-03-01');
    expect(fromGreen).toEqual([expect.objectContaining({ from: 'green', light: 'red' })]);
  });

  it('records the way back to green once progress is reported', () => {
    const events = [...plannedTask, recorded('red'), progressReported('m1', 60)];
    expect(lights(events, '2021-03-01')).toEqual([
      expect.objectContaining({ from: 'red', light: 'green', reasons: [], actual: 60 }),
    ]);
  });

  it('records nothing on a day off: the clock records on working days', () => {
    expect(lights(plannedTask, '2021-03-06')).toEqual([]);
  });

  it('records nothing while the task is suspended, nor once it is terminated', () => {
    expect(lights([...plannedTask, taskSuspended], '2021-03-01')).toEqual([]);
    expect(lights([...plannedTask, taskTerminated], '2021-03-01')).toEqual([]);
  });

  it('turns a done task green once, then no longer asks for it', () => {
    const done = [...plannedTask, recorded('red'), milestoneCompleted('m1')];
    expect(lights(done, '2021-07-01')).toEqual([
      expect.objectContaining({ from: 'red', light: 'green', actual: 100 }),
    ]);
    const greenAgain = agenda([...done, recorded('green', 'red')]);
    expect(greenAgain.lit).toBe(false);
    expect(lights([...done, recorded('green', 'red')], '2021-07-01')).toEqual([]);
  });

  it('counts a completion accepted (办结) as done, whatever its milestones say', () => {
    const closed = [...plannedTask, recorded('red'), completionAccepted];
    expect(lights(closed, '2021-07-01')).toEqual([
      expect.objectContaining({ from: 'red', light: 'green' }),
    ]);
  });

  it('judges nothing of an agenda built before lights were kept', () => {
    const { light: _, lit: __, ...legacy } = agenda(plannedTask);
    expect(clockCandidates([legacy], '2021-03-01', defaultRuleset, shippedCalendars)).toEqual([]);
  });

  it('is asked for with the other running tasks whose light may change', () => {
    expect(litFilter).toEqual({ terminated: false, suspended: false, lit: true });
  });

  it('is one fact per task and day, whichever run or node asks', () => {
    const [candidate] = lights(plannedTask, '2021-03-01');
    expect(clockKey(candidate!)).toBe(`clock|light|${taskId}|2021-03-01`);
    expect(clockCommand(candidate!)).toEqual({
      type: 'RecordTaskLight',
      data: {
        taskId,
        light: 'red',
        reasons: ['behind 33.15 points'],
        actual: 0,
        expected: 33.15,
        rulesetVersion: 0,
      },
    });
  });
});
