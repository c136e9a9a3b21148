import {
  type MissedDeadline,
  type RedTask,
  type ReturnedForRework,
  type ScoringFacts,
  taskDeductions,
  unitScores,
  unitScoresOfTasks,
} from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const units = ['edu', 'env', 'fin'];

/** One task's facts: missed deadlines (many: the cap per task bites), returns, a red light. */
const taskFactsOf = (taskId: string, random: () => number) => {
  const pick = () => units[Math.floor(random() * units.length)] as string;
  const lead = pick();
  const missed: MissedDeadline[] = Array.from({ length: Math.floor(random() * 6) }, (_, i) => {
    const unitId = random() < 0.7 ? lead : pick();
    return {
      taskId,
      milestoneId: random() < 0.8 ? `m${i}` : null,
      unitId,
      role: unitId === lead ? 'lead' : 'cooperating',
      done: random() < 0.5,
      workingDaysLate: 1 + Math.floor(random() * 40),
      waits: random() < 0.3 ? [{ unitId: pick(), workingDays: 1 + Math.floor(random() * 9) }] : [],
      what: `milestone m${i}`,
    };
  });
  const reworks: ReturnedForRework[] =
    random() < 0.3 ? [{ taskId, leadUnitId: lead, day: '2021-05-01' }] : [];
  const red: RedTask[] =
    missed.length === 0 && random() < 0.4 ? [{ taskId, leadUnitId: lead, behind: 30 }] : [];
  return { missed, reworks, red };
};

describe("a period's scores from each task's deductions", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'are the scores of the same facts listed task by task (seed %i)',
    (seed) => {
      const random = randomFrom(seed);
      const tasks = Array.from({ length: 30 }, (_, i) => taskFactsOf(`t${i}`, random));
      const other = {
        period: '2021',
        unitIds: units,
        pingPongs: [{ taskId: 't1', unitIds: ['env'] }],
        accountability: [],
        bonuses: [
          {
            bonusId: 'b1',
            taskId: 't2',
            unitId: 'edu',
            kind: 'innovation',
            points: 2,
            reason: 'x',
          },
        ],
      } as unknown as Omit<ScoringFacts, 'missedDeadlines' | 'returnedForRework' | 'redTasks'>;
      const facts: ScoringFacts = {
        ...other,
        missedDeadlines: tasks.flatMap((task) => task.missed),
        returnedForRework: tasks.flatMap((task) => task.reworks),
        redTasks: tasks.flatMap((task) => task.red),
      };
      const scoring = defaultRuleset.scoring;
      const perTask = tasks.map((task) =>
        taskDeductions(task.missed, task.reworks, task.red, scoring),
      );
      const expected = unitScores(facts, defaultRuleset);
      // Some task was capped: what a cap per task, taken task by task, must keep.
      expect(
        expected.some((score) => score.items.some((item) => item.reason.includes('capped'))),
      ).toBe(true);
      expect(unitScoresOfTasks(other, perTask, defaultRuleset)).toEqual(expected);
    },
  );
});
