import type { TaskEvent } from '../../contracts/events/index.ts';
import type { MatterKind } from '../../contracts/events/matter-sources.ts';
import { buildBlockageBoard } from '../../services/boards/build/blockage-board.ts';
import { buildOverview } from '../../services/boards/build/overview.ts';
import { buildProgressBoard } from '../../services/boards/build/progress-board.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import { buildResultsBoard } from '../../services/boards/build/results-board.ts';
import { buildStageBoard } from '../../services/boards/build/stage-board.ts';
import {
  all,
  assigned,
  blocked,
  boardLog,
  indicator,
  planned,
  task,
  unit,
} from './support/boards.ts';

/** A matter of `kind` registered by the office, assigned to `lead`, one milestone `m1`. */
const matter = (taskId: string, lead: string, kind: MatterKind): TaskEvent[] => [
  {
    type: 'TaskRegistered',
    data: {
      taskId,
      title: `Matter ${taskId}`,
      description: null,
      section: null,
      plannedStart: '2021-01-04',
      dueDate: '2021-12-31',
      source: {
        kind,
        documentNumber: '第0123号',
        issuer: '张委员',
        issuedOn: '2021-01-04',
        originalText: '关于加快建设社区养老服务中心的提案',
        channel: null,
      },
    },
  },
  assigned(taskId, lead, []),
  planned(taskId, 'm1', '2021-02-26'),
];

const dissatisfied = (taskId: string, unitId: string): TaskEvent => ({
  type: 'ProposerEvaluationRecorded',
  data: {
    taskId,
    evaluationId: 'evaluation-1',
    replyId: 'reply-1',
    rating: 'dissatisfied',
    comment: '答复未说明选址',
    unitId,
    recordedOn: '2021-03-01',
  },
});

/** The plan's task t1 of edu, a 政协提案 t2 of env, a 批示件 t3 of fin: each blocked, each measured. */
const log = boardLog()
  .on(
    '2021-01-04',
    unit('edu'),
    unit('env'),
    unit('fin'),
    ...task('t1', 'edu', { plannedStart: '2021-01-04', dueDate: '2021-02-26' }),
    ...matter('t2', 'env', 'cppcc_proposal'),
    ...matter('t3', 'fin', 'leader_instruction'),
  )
  .on(
    '2021-01-05',
    ...['t1', 't2', 't3'].flatMap((taskId) => [
      blocked(taskId, 'b1', null),
      indicator(taskId, 'i1', 100, 'gte'),
    ]),
  )
  .on('2021-03-01', dissatisfied('t2', 'env'));

const day = '2021-03-02';
const proposals = { ...all, kind: 'cppcc_proposal' as const };
const plan = { ...all, kind: 'annual_plan' as const };

describe('the boards filtered by kind (事项来源)', () => {
  it('show every kind when none is asked', () => {
    expect(buildProgressBoard(log.input(day), all).nodes.map((row) => row.taskId)).toHaveLength(3);
  });

  it('give the stage board only the milestones of matters of that kind', () => {
    const rows = buildStageBoard(log.input(day), proposals).nodes;
    expect(rows.map((row) => [row.taskId, row.kind])).toEqual([['t2', 'cppcc_proposal']]);
  });

  it('give the progress board only the tasks of that kind, its lights counted over them', () => {
    const board = buildProgressBoard(log.input(day), plan);
    expect(board.nodes.map((row) => row.taskId)).toEqual(['t1']);
    expect(board.counts.green + board.counts.yellow + board.counts.red).toBe(1);
  });

  it('give the blockage board only the blockages of tasks of that kind', () => {
    const rows = buildBlockageBoard(log.input(day), { ...all, kind: 'leader_instruction' }).nodes;
    expect(rows.map((row) => row.taskId)).toEqual(['t3']);
  });

  it('give the results board only the indicators of tasks of that kind', () => {
    const rows = buildResultsBoard(log.input(day), proposals).nodes;
    expect(rows.map((row) => row.taskId)).toEqual(['t2']);
  });

  it('give the overview the lights and lists of that kind, the ranking overall', () => {
    const overview = buildOverview(log.input(day), [], { top: 10, kind: 'cppcc_proposal' });
    const { green, yellow, red } = overview.totals;
    expect(green + yellow + red).toBe(1);
    expect(overview.sections.map((row) => row.total)).toEqual([1]);
    expect(overview.worstOverdue.map((row) => row.taskId)).toEqual(['t2']);
    expect(overview.oldestBlockages.map((row) => row.taskId)).toEqual(['t2']);
    expect(overview.ranking).toHaveLength(3);
  });

  it('give the responsibility board the units’ tasks and scores of that kind only', () => {
    const rows = buildResponsibilityBoard(log.input(day), proposals).nodes;
    const led = Object.fromEntries(rows.map((row) => [row.unitId, row.tasksLed]));
    expect(led).toEqual({ edu: 0, env: 1, fin: 0 });
  });
});

describe('a proposer’s 不满意 on the responsibility board', () => {
  it('is a deduction item of the lead unit that answered, at the ruleset’s points', () => {
    const rows = buildResponsibilityBoard(log.input(day), proposals).nodes;
    const env = rows.find((row) => row.unitId === 'env');
    expect(env?.deductions).toContainEqual({
      unitId: 'env',
      rule: 'proposer_dissatisfied',
      points: -1,
      ref: 't2/evaluation-1',
      reason: 'proposer dissatisfied with the answer to task t2: 答复未说明选址',
    });
  });

  it('is not counted before it was recorded', () => {
    const rows = buildResponsibilityBoard(log.input('2021-02-28'), all).nodes;
    const env = rows.find((row) => row.unitId === 'env');
    expect(env?.deductions.map((item) => item.rule)).not.toContain('proposer_dissatisfied');
  });
});
