import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import {
  rolledUpLight,
  rolledUpProgress,
  type SubTaskStanding,
  taskLight,
} from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

/** A street's task: its own milestone half done, due at the end of the year. */
const street = {
  plannedStart: '2021-01-01',
  dueDate: '2021-12-31',
  completion: 'none' as const,
  shares: [{ weight: 1, percent: 50, completed: false }],
};
const own = [
  { title: '街道统筹', weight: 1, percent: 50, dueDate: '2021-12-31', completed: false },
];

const community = (
  light: SubTaskStanding['light'],
  actual = 50,
  dueDate = '2021-12-31',
): SubTaskStanding => ({
  title: `社区 ${light}`,
  weight: 1,
  dueDate,
  actual,
  done: false,
  light,
});

describe('a task split into sub-tasks', () => {
  it('counts each sub-task as a milestone of the weight the split gave it', () => {
    // Own 100 (weight 1), sub-tasks at 40 (weight 1) and 80 (weight 2): (100 + 40 + 160) / 4.
    expect(
      rolledUpProgress(
        [{ weight: 1, percent: 100 }],
        [
          { weight: 1, actual: 40 },
          { weight: 2, actual: 80 },
        ],
      ),
    ).toBe(75);
  });

  it('without sub-tasks stands where its own milestones do', () => {
    expect(rolledUpProgress([{ weight: 1, percent: 30 }], [])).toBe(30);
  });

  it('is red when a sub-task is red, though its own progress is on time', () => {
    const day = '2021-06-30';
    expect(taskLight(street, own, day, defaultRuleset, shippedCalendars).light).toBe('green');
    const lit = rolledUpLight(
      street,
      own,
      [community('green'), community('red')],
      day,
      defaultRuleset,
      shippedCalendars,
    );
    expect(lit.light).toBe('red');
    expect(lit.actual).toBe(50);
    expect(lit.reasons).toContain('sub-task "社区 red" is red');
  });

  it('falls behind with its sub-tasks: their progress and deadlines are its own', () => {
    // Two sub-tasks due at the end of May, nothing done by the end of June.
    const lit = rolledUpLight(
      street,
      own,
      [community('green', 0, '2021-05-31'), community('green', 0, '2021-05-31')],
      '2021-06-30',
      defaultRuleset,
      shippedCalendars,
    );
    // (50 + 0 + 0) / 3.
    expect(lit.actual).toBe(16.7);
    expect(lit.light).toBe('red');
    expect(lit.reasons.some((reason) => reason.includes('社区 green'))).toBe(true);
  });

  it('once accepted (办结) is green whatever a sub-task shows', () => {
    const accepted = { ...street, completion: 'accepted' as const };
    const lit = rolledUpLight(
      accepted,
      own,
      [community('red')],
      '2021-06-30',
      defaultRuleset,
      shippedCalendars,
    );
    expect(lit.light).toBe('green');
  });
});
