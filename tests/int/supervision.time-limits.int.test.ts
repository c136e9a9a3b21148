import type { Actor } from '../../contracts/actor.ts';
import { timeLimitDefaults } from '../../contracts/events/ruleset-events.ts';
import { rulesStreamId, taskStreamId } from '../../contracts/streams.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import type { SettableClock } from '../../infra/clock/clock.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { rulesetDecider } from '../../services/rulesets/domain/decider.ts';
import type { CommandHandler } from '../../services/shared/command-handler.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ClockRunReport } from '../../services/supervision/supervision.service.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import {
  departmentHead,
  office,
  registerTaskCommand,
  registerUnit,
  runTask,
} from '../support/int-fixtures.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/** 09:00 China Standard Time on `day`. */
const at = (day: string) => `${day}T09:00:00+08:00`;

let clock: SettableClock;
let test: TestSystem;
let handle: CommandHandler;

beforeEach(async () => {
  clock = settableClock(at('2021-03-01'));
  test = await startTestSystem({ SUPERVISION_CLOCK_INTERVAL_MS: '0' }, { clock });
  handle = createCommandHandler({ store: test.system.stores.eventStore, clock });
  await registerUnit(handle, 'edu');
});
afterEach(async () => {
  await test.stop();
});

const runClockOn = (day: string): Promise<ClockRunReport> => {
  clock.set(at(day));
  return test.system.broker.call('supervision.runClock', {}, { meta: { actor: office } });
};

/** `command` on `day`, by `actor`. */
const on = (day: string, command: TaskCommand, actor: Actor = office) => {
  clock.set(at(day));
  return runTask(handle, command, actor);
};

const head = departmentHead('edu');

/** The task's events, in order, as `type: data` for the types the test follows. */
const followed = new Set([
  'TaskSigningReminded',
  'TaskSigned',
  'ProgressReportMissed',
  'TaskUrged',
  'UrgeReplyOverdue',
  'SupervisionNoticeIssued',
  'SupervisionNoticeReplyOverdue',
  'SupervisionNoticeAnswered',
]);
const story = async () =>
  (await test.system.stores.eventStore.readStream(taskStreamId('t1')))
    .filter((event) => followed.has(event.type))
    .map((event) => ({ type: event.type, data: event.data, by: event.metadata.actor.id }));

describe('a task’s time limits, run day by day over the 2021 calendar', () => {
  it('reminds across a weekend, records a missed week, urges, escalates blue then yellow, and stops at the reply', async () => {
    await handle(rulesetDecider, {
      streamId: rulesStreamId,
      command: {
        type: 'PublishRuleset',
        data: {
          ...defaultRuleset,
          version: 1,
          inForceFrom: '2021-03-01',
          timeLimits: { ...timeLimitDefaults, signingWorkingDays: 1 },
        },
      },
      actor: office,
      correlationId: 'rules-1',
      causationId: 'rules-1',
    });
    // Friday 5 March: assigned, reporting weekly, one working day to sign.
    await on('2021-03-05', registerTaskCommand('t1'));
    await on('2021-03-05', {
      type: 'AssignTask',
      data: {
        taskId: 't1',
        leadUnitId: 'edu',
        cooperatingUnitIds: [],
        responsibleLeader: 'leader-1',
        knownUnitIds: ['edu'],
        reportingCycle: 'weekly',
      },
    });
    await on('2021-03-05', {
      type: 'PlanMilestone',
      data: { taskId: 't1', milestoneId: 'm1', title: '选址', dueDate: '2021-09-30', weight: 1 },
    });

    // Monday is the last day of the limit: the weekend did not count.
    expect((await runClockOn('2021-03-08')).signingReminded).toBe(0);
    expect((await runClockOn('2021-03-09')).signingReminded).toBe(1);
    await on('2021-03-09', { type: 'SignTask', data: { taskId: 't1' } }, head);
    expect((await runClockOn('2021-03-10')).signingUrged).toBe(0);

    // The week of 8–14 March passed without a report: recorded on Monday, with a 催办.
    expect((await runClockOn('2021-03-15')).reportsMissed).toBe(1);
    expect((await runClockOn('2021-03-15')).reportsMissed).toBe(0);
    const report = (day: string, percent: number) =>
      on(
        day,
        {
          type: 'ReportProgress',
          data: { taskId: 't1', milestoneId: 'm1', percent, note: null },
        },
        head,
      );
    await report('2021-03-16', 10);
    await report('2021-03-23', 20);
    await report('2021-03-30', 30);

    // The 催办 was due by Thursday 18 March: overdue Friday, with a blue slip.
    expect((await runClockOn('2021-03-18')).repliesOverdue).toBe(0);
    expect((await runClockOn('2021-03-19')).repliesOverdue).toBe(1);
    // The blue slip was due by Friday 26 March: overdue Monday 29, with a yellow slip.
    expect((await runClockOn('2021-03-26')).repliesOverdue).toBe(0);
    const monday = await runClockOn('2021-03-29');
    expect(monday).toMatchObject({ repliesOverdue: 1, reportsMissed: 0, failed: 0 });

    // The unit answers the yellow slip in time: nothing more goes up.
    await on(
      '2021-03-31',
      {
        type: 'AnswerSupervisionNotice',
        data: {
          taskId: 't1',
          noticeId: 'report-2021-03-14-yellow',
          answer: '已补报进展并说明原因',
          evidence: [],
        },
      },
      head,
    );
    for (const day of ['2021-04-01', '2021-04-02', '2021-04-02']) {
      expect(await runClockOn(day)).toMatchObject({ repliesOverdue: 0, reportsMissed: 0 });
    }

    expect(await story()).toEqual([
      {
        type: 'TaskSigningReminded',
        data: {
          taskId: 't1',
          unitId: 'edu',
          assignedOn: '2021-03-05',
          limitDate: '2021-03-08',
          remindedOn: '2021-03-09',
        },
        by: 'clock',
      },
      { type: 'TaskSigned', data: { taskId: 't1', unitId: 'edu' }, by: 'head-edu' },
      {
        type: 'ProgressReportMissed',
        data: {
          taskId: 't1',
          unitId: 'edu',
          cycle: 'weekly',
          periodStart: '2021-03-08',
          periodEnd: '2021-03-14',
          recordedOn: '2021-03-15',
        },
        by: 'clock',
      },
      {
        type: 'TaskUrged',
        data: expect.objectContaining({
          urgeId: 'report-2021-03-14',
          unitId: 'edu',
          replyBy: '2021-03-18',
          cause: 'missed_report',
        }),
        by: 'clock',
      },
      {
        type: 'UrgeReplyOverdue',
        data: expect.objectContaining({ urgeId: 'report-2021-03-14', recordedOn: '2021-03-19' }),
        by: 'clock',
      },
      {
        type: 'SupervisionNoticeIssued',
        data: expect.objectContaining({
          noticeId: 'report-2021-03-14-blue',
          level: 'blue',
          toUnitId: 'edu',
          replyDueDate: '2021-03-26',
          addressee: { role: 'unit_head', unitId: 'edu' },
          escalatedFrom: { kind: 'urge', urgeId: 'report-2021-03-14' },
        }),
        by: 'clock',
      },
      {
        type: 'SupervisionNoticeReplyOverdue',
        data: expect.objectContaining({
          noticeId: 'report-2021-03-14-blue',
          recordedOn: '2021-03-29',
        }),
        by: 'clock',
      },
      {
        type: 'SupervisionNoticeIssued',
        data: expect.objectContaining({
          noticeId: 'report-2021-03-14-yellow',
          level: 'yellow',
          replyDueDate: '2021-04-01',
          addressee: { role: 'responsible_leader', official: 'leader-1' },
          escalatedFrom: { kind: 'notice', noticeId: 'report-2021-03-14-blue' },
        }),
        by: 'clock',
      },
      {
        type: 'SupervisionNoticeAnswered',
        data: expect.objectContaining({
          noticeId: 'report-2021-03-14-yellow',
          answeredOn: '2021-03-31',
        }),
        by: 'head-edu',
      },
    ]);

    // The task page shows the cycle, the missed week and the chain of slips.
    await test.settled();
    const page = await test.system.broker.call<Record<string, unknown>, { id: string }>(
      'views.task',
      { id: 't1' },
      { meta: { actor: office } },
    );
    expect(page).toMatchObject({
      reportingCycle: 'weekly',
      missedReports: [{ periodEnd: '2021-03-14', unit: { id: 'edu' } }],
      urges: [{ urgeId: 'report-2021-03-14', escalatedTo: 'report-2021-03-14-blue' }],
      notices: [
        { id: 'report-2021-03-14-blue', escalatedTo: 'report-2021-03-14-yellow' },
        { id: 'report-2021-03-14-yellow', escalatedTo: null, answered: true },
      ],
    });
  });
});
