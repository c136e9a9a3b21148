import type { Actor } from '../contracts/actor.ts';
import { timeLimitDefaults } from '../contracts/events/ruleset-events.ts';
import { addDays, daysBetween } from '../domain/dates.ts';
import { defaultRuleset } from '../domain/rulesets/default-ruleset.ts';
import { headOf, inspector, leader, office } from './actors.ts';
import { days, morningOf } from './calendar.ts';
import { planMatters } from './matters.ts';
import {
  assumedAssignment,
  assumedDates,
  assumedIndicatorTerms,
  assumedMilestoneTerms,
} from './plan-assumptions.ts';
import type { Plan, PlanIndicator, PlanTask } from './plan-schema.ts';
import { completionOffset, paceOf, profileOf } from './profiles.ts';
import type { Schedule } from './schedule.ts';
import { createSchedule } from './schedule.ts';

type Call = (
  action: string,
  params: Record<string, unknown>,
  actor: Actor,
) => Promise<Record<string, unknown>>;

export interface PlayOptions {
  plan: Plan;
  /** Runs a service action as an actor. */
  call: Call;
  /** Sets the clock port to an ISO timestamp. */
  setClock: (timestamp: string) => void;
  /** Progress lines for the operator. */
  log?: (line: string) => void;
}

interface TaskIds {
  taskId: string;
  milestoneIds: string[];
  indicatorIds: string[];
}

const start = '2021-01-04';
const end = '2021-12-31';

/**
 * Plays the supervision year of a plan through the real commands, day by day on
 * a set clock, running the supervision clock every morning: reports on time and
 * late, blockages escalated and resolved, extensions reviewed by the office and
 * granted or refused by the responsible leader (or refused at the review),
 * notices, instructions, accountability, and bonus points (加分) for tasks
 * accepted well before their due date; and the assumed matters of other sources
 * (see matters.ts), answered, rated and one done again.
 */
export const playYear = async (options: PlayOptions): Promise<{ tasks: number; days: number }> => {
  const { plan } = options;
  const call = namingHeads(plan, options.call);
  const log = options.log ?? (() => undefined);
  const schedule = createSchedule();
  const ids = new Map<string, TaskIds>();

  schedule.on(start, () => setUpDirectory(plan, call, schedule));
  schedule.on(start, () => publishRulesets(call));
  schedule.on(addDays(start, 1), async () => {
    for (const section of plan.sections) {
      for (const task of section.tasks) {
        ids.set(task.key, await registerTask(call, section.title, task));
        planYearOf(task, ids.get(task.key)!, call, schedule);
      }
    }
  });
  // Matters from other sources (批示件, 会议, 交办, 建议, 提案, 线索), assumed for the demo.
  planMatters(call, schedule);

  const calendar = days(start, end);
  for (const day of calendar) {
    options.setClock(morningOf(day));
    await call('supervision.runClock', {}, office);
    for (const job of schedule.jobsOn(day)) await job();
    if (day.endsWith('-01')) log(`${day}: month begins`);
  }
  return { tasks: ids.size, days: calendar.length };
};

/**
 * Calls as `call` does, each department head named after their unit
 * (教育局负责人), as the console's demo sign-in names them.
 */
const namingHeads = (plan: Plan, call: Call): Call => {
  const names = new Map(plan.units.map((unit) => [unit.id, unit.name]));
  return (action, params, actor) =>
    call(
      action,
      params,
      actor.role === 'department_head' && actor.unitId
        ? { ...actor, name: `${names.get(actor.unitId) ?? actor.unitId}负责人` }
        : actor,
    );
};

const setUpDirectory = async (plan: Plan, call: Call, schedule: Schedule) => {
  for (const unit of plan.units)
    await call(
      'directory.registerUnit',
      { id: unit.id, name: unit.name, category: unit.category },
      office,
    );
  for (const official of plan.officials) {
    await call(
      'directory.registerOfficial',
      { id: official.id, name: official.name, title: official.title },
      office,
    );
    for (const post of official.posts) {
      const held = { officialId: official.id, unitId: post.unitId, post: post.post };
      await call('directory.assignPost', { ...held, from: post.from }, office);
      const vacatedOn = post.vacatedOn;
      if (vacatedOn)
        schedule.on(vacatedOn, () =>
          call('directory.vacatePost', { ...held, on: vacatedOn }, office),
        );
    }
  }
};

const ruleset = (
  version: number,
  inForceFrom: string,
  overrides: Record<string, unknown>,
  note: string,
) => ({
  version,
  inForceFrom,
  lights: defaultRuleset.lights,
  reminderLeadDays: defaultRuleset.reminderLeadDays,
  escalation: defaultRuleset.escalation,
  scoring: defaultRuleset.scoring,
  note,
  ...overrides,
});

const publishRulesets = async (call: Call) => {
  await call(
    'rules.publishRuleset',
    // Assumed: a week (5 working days) to sign for the tasks of the year's first assignment.
    ruleset(
      1,
      '2021-01-01',
      { timeLimits: { ...timeLimitDefaults, signingWorkingDays: 5 } },
      '2021年度督查督办亮灯和计分规则',
    ),
    office,
  );
  await call(
    'rules.publishRuleset',
    ruleset(
      2,
      '2021-07-01',
      { reminderLeadDays: 5, lights: { ...defaultRuleset.lights, yellowDueWithinDays: 5 } },
      '下半年提前5天提醒、5天内到期亮黄灯',
    ),
    office,
  );
};

const registerTask = async (call: Call, section: string, task: PlanTask): Promise<TaskIds> => {
  const registered = await call(
    'tasks.registerTask',
    {
      title: task.title,
      description: task.description,
      section,
      plannedStart: task.plannedStart,
      dueDate: task.dueDate,
      assumed: assumedDates(task),
      idempotencyKey: `demo-task-${task.key}`,
    },
    office,
  );
  const taskId = registered.id as string;
  await call(
    'tasks.assignTask',
    {
      taskId,
      leadUnitId: task.lead,
      cooperatingUnitIds: task.cooperating,
      responsibleLeader: task.leader,
      assumed: assumedAssignment(task),
    },
    office,
  );
  const milestoneIds: string[] = [];
  for (const milestone of task.milestones) {
    const planned = await call(
      'tasks.planMilestone',
      {
        taskId,
        title: milestone.title,
        dueDate: milestone.dueDate,
        weight: milestone.weight,
        assumed: assumedMilestoneTerms(milestone),
      },
      office,
    );
    milestoneIds.push(planned.milestoneId as string);
  }
  const indicatorIds: string[] = [];
  for (const indicator of task.indicators) {
    const defined = await call(
      'tasks.defineIndicator',
      {
        taskId,
        name: indicator.name,
        unitOfMeasure: indicator.unitOfMeasure,
        target: indicator.target,
        comparison: indicator.comparison,
        dueDate: indicator.dueDate,
        baseline: indicator.baseline,
        tolerance: indicator.tolerance,
        wholeNumbers: indicator.wholeNumbers,
        assumed: assumedIndicatorTerms(indicator),
      },
      office,
    );
    indicatorIds.push(defined.indicatorId as string);
  }
  return { taskId, milestoneIds, indicatorIds };
};

/** Plans every action of one task's year onto the schedule, by its profile. */
const planYearOf = (task: PlanTask, ids: TaskIds, call: Call, schedule: Schedule) => {
  const profile = profileOf(task);
  const head = headOf(task.lead);
  const { taskId } = ids;
  if (profile === 'ping_pong') {
    planPingPong(task, taskId, call, schedule);
  } else {
    schedule.on('2021-01-08', () => call('tasks.signTask', { taskId }, head));
    // Every cooperating unit signs within the demo's signing limit: the clock reminds none.
    for (const unitId of task.cooperating) {
      schedule.on('2021-01-11', () => call('tasks.signTask', { taskId }, headOf(unitId)));
    }
  }
  const completions = planMilestones(task, ids, call, schedule);
  planIndicators(task, ids, call, schedule);
  planCompletionReport(task, taskId, completions, call, schedule);
  planSpecials(task, ids, call, schedule);
};

/** Progress every two weeks at the profile's pace; completion on or off time. */
const planMilestones = (
  task: PlanTask,
  ids: TaskIds,
  call: Call,
  schedule: Schedule,
): (string | null)[] => {
  const profile = profileOf(task);
  const head = headOf(task.lead);
  let windowStart = task.plannedStart;
  return task.milestones.map((milestone, index) => {
    const milestoneId = ids.milestoneIds[index]!;
    const dueDate =
      profile === 'extension_granted' && index === 0
        ? addDays(milestone.dueDate, 30)
        : milestone.dueDate;
    const offset = completionOffset(profile, index);
    const completedOn = offset === null ? null : addDays(dueDate, offset);
    const span = Math.max(1, daysBetween(windowStart, dueDate));
    let last = 0;
    for (
      let day = addDays(windowStart, 7);
      day <= end && (!completedOn || day < completedOn);
      day = addDays(day, 14)
    ) {
      const percent = Math.min(
        95,
        Math.round((paceOf(profile) * 100 * daysBetween(windowStart, day)) / span),
      );
      if (percent <= last) continue;
      last = percent;
      const note = `第${Math.round(percent / 10)}阶段：完成约${percent}%`;
      schedule.on(day, () =>
        call('tasks.reportProgress', { taskId: ids.taskId, milestoneId, percent, note }, head),
      );
    }
    if (completedOn && completedOn <= end) {
      schedule.on(completedOn, () =>
        call(
          'tasks.completeMilestone',
          { taskId: ids.taskId, milestoneId, note: `${milestone.title}已完成` },
          head,
        ),
      );
    }
    windowStart = dueDate;
    return completedOn && completedOn <= end ? completedOn : null;
  });
};

/**
 * A figure as the indicator takes it: any measure to one decimal; a count (所, 个)
 * whole, of the things finished (2.55 schools' worth of work is 2 schools open).
 */
const figureOf = (indicator: PlanIndicator, value: number): number =>
  indicator.wholeNumbers ? Math.floor(value + 1e-9) : Math.round(value * 10) / 10;

/** Quarterly self-reported values by the lead unit, and measured values from the office at year end. */
const planIndicators = (task: PlanTask, ids: TaskIds, call: Call, schedule: Schedule) => {
  const pace = paceOf(profileOf(task));
  task.indicators.forEach((indicator, index) => {
    const indicatorId = ids.indicatorIds[index]!;
    const baseline = indicator.baseline ?? 0;
    const valueAt = (share: number) =>
      indicator.comparison === 'lte'
        ? indicator.target
        : figureOf(indicator, baseline + (indicator.target - baseline) * Math.min(1, share * pace));
    for (const [asOf, share] of [
      ['2021-03-31', 0.25],
      ['2021-06-30', 0.5],
      ['2021-09-30', 0.8],
      ['2021-12-20', 1],
    ] as const) {
      if (asOf > indicator.dueDate && share < 1) continue;
      schedule.on(asOf, () =>
        call(
          'tasks.reportIndicatorValue',
          { taskId: ids.taskId, indicatorId, value: valueAt(share), asOf },
          headOf(task.lead),
        ),
      );
    }
    // The statistics office measures a little below what units report for themselves;
    // a count (所, 个) it finds as the unit reported it.
    const measured =
      indicator.comparison === 'lte' || indicator.wholeNumbers
        ? valueAt(1)
        : figureOf(indicator, valueAt(1) * 0.98);
    schedule.on('2021-12-28', () =>
      call(
        'tasks.reportIndicatorValue',
        { taskId: ids.taskId, indicatorId, value: measured, asOf: '2021-12-28' },
        office,
      ),
    );
  });
};

/** When every milestone is done: the completion report, accepted (or first returned for rework). */
const planCompletionReport = (
  task: PlanTask,
  taskId: string,
  completions: (string | null)[],
  call: Call,
  schedule: Schedule,
) => {
  if (completions.some((day) => day === null)) return;
  const lastDone = [...(completions as string[])].sort().at(-1)!;
  const reportOn = addDays(lastDone, 2);
  if (reportOn > end) return;
  const head = headOf(task.lead);
  const report = (summary: string) => () =>
    call('tasks.reportTaskCompletion', { taskId, summary }, head);
  schedule.on(reportOn, report(`${task.title}：全部节点已完成`));
  if (profileOf(task) === 'completion_rejected') {
    const rejectOn = addDays(reportOn, 3);
    schedule.on(rejectOn, () =>
      call(
        'tasks.rejectTaskCompletion',
        { taskId, reason: '佐证材料不全，请补充审批时限压减的数据' },
        office,
      ),
    );
    const again = addDays(rejectOn, 7);
    if (again > end) return;
    schedule.on(again, report(`${task.title}：已补充佐证材料`));
    const acceptOn = addDays(again, 3);
    if (acceptOn <= end)
      schedule.on(acceptOn, () =>
        call('tasks.acceptTaskCompletion', { taskId, comment: '同意办结' }, office),
      );
    return;
  }
  const acceptOn = addDays(reportOn, 4);
  if (acceptOn > end) return;
  schedule.on(acceptOn, () =>
    call('tasks.acceptTaskCompletion', { taskId, comment: '同意办结' }, office),
  );
  planEarlyCompletionBonus(task, taskId, acceptOn, call, schedule);
};

/** How long before its due date a task must be accepted (办结) to earn 提前完成 in the demo. */
const earlyByDays = 30;

/**
 * A task accepted a month or more before its due date: the next day its
 * responsible leader awards the lead unit 2 points of 加分 for the early completion.
 */
const planEarlyCompletionBonus = (
  task: PlanTask,
  taskId: string,
  acceptOn: string,
  call: Call,
  schedule: Schedule,
) => {
  if (daysBetween(acceptOn, task.dueDate) < earlyByDays) return;
  schedule.on(addDays(acceptOn, 1), () =>
    call(
      'tasks.awardBonus',
      {
        taskId,
        unitId: task.lead,
        kind: 'early_completion',
        points: 2,
        reason: `${task.title}提前一个月以上办结，予以加分`,
      },
      leader(task.leader),
    ),
  );
};

/**
 * 踢皮球: the lead unit asks to return the task, the office accepts and sends it
 * elsewhere, that unit asks to return it too, and the office, after
 * co-ordination, accepts and hands it back to the first unit, which signs.
 */
const planPingPong = (task: PlanTask, taskId: string, call: Call, schedule: Schedule) => {
  const detour = 'science';
  schedule.on('2021-01-08', () =>
    call(
      'tasks.returnTask',
      { taskId, reason: '该平台应由经济发展局或科技局牵头' },
      headOf(task.lead),
    ),
  );
  schedule.on('2021-01-12', () =>
    call(
      'tasks.acceptReturn',
      { taskId, toUnitId: detour, reason: '按退回意见调整为科技局牵头' },
      office,
    ),
  );
  schedule.on('2021-01-15', () =>
    call('tasks.returnTask', { taskId, reason: '平台建设不属于科技局职责' }, headOf(detour)),
  );
  schedule.on('2021-01-19', () =>
    call(
      'tasks.acceptReturn',
      { taskId, toUnitId: task.lead, reason: '经协调仍由大数据管理局牵头' },
      office,
    ),
  );
  schedule.on('2021-01-20', () => call('tasks.signTask', { taskId }, headOf(task.lead)));
};

/** A deadline extension request (延期), named once the lead unit has asked it. */
type Request = () => { taskId: string; requestId: string };

/** The lead unit asks more time on `asked`, for a milestone or (null) the task itself. */
const planExtension = (
  taskId: string,
  call: Call,
  schedule: Schedule,
  ask: {
    asked: string;
    milestoneId: string | null;
    requestedDueDate: string;
    reason: string;
    head: Actor;
  },
): Request => {
  let requestId = '';
  const { asked, head, ...input } = ask;
  schedule.on(asked, async () => {
    const requested = await call('tasks.requestDeadlineExtension', { taskId, ...input }, head);
    requestId = requested.requestId as string;
  });
  return () => ({ taskId, requestId });
};

/** 初审 of the office: forwarded to the task's responsible leader, or refused with the comment. */
const review = (call: Call, request: Request, forward: boolean, comment: string) =>
  call('tasks.reviewDeadlineExtension', { ...request(), forward, comment }, office);

/** Blockages, extensions, notices, instructions and accountability, where the profile calls for them. */
const planSpecials = (task: PlanTask, ids: TaskIds, call: Call, schedule: Schedule) => {
  const profile = profileOf(task);
  const { taskId } = ids;
  const head = headOf(task.lead);
  const leaderOfTask = leader(task.leader);
  const firstMilestone = ids.milestoneIds[0]!;
  const firstDue = task.milestones[0]!.dueDate;
  switch (profile) {
    case 'blocked': {
      const waitingOn =
        task.cooperating.find((unit) => unit === 'planning') ?? task.cooperating[0] ?? null;
      let blockageId = '';
      schedule.on('2021-02-15', async () => {
        const reported = await call(
          'tasks.reportBlockage',
          { taskId, description: '选址地块用地手续待批，影响开工', waitingOnUnitId: waitingOn },
          head,
        );
        blockageId = reported.blockageId as string;
      });
      schedule.on('2021-02-24', () =>
        call(
          'tasks.issueLeadershipInstruction',
          {
            taskId,
            text: '请规划部门三日内会商解决学校用地问题，确保6月底前开工',
            addressedToUnitIds: [task.lead, ...(waitingOn ? [waitingOn] : [])],
          },
          leaderOfTask,
        ),
      );
      schedule.on('2021-02-25', () =>
        call(
          'tasks.assignBlockageCoordination',
          { taskId, blockageId, coordinatorUnitId: waitingOn ?? task.lead, note: '牵头会商' },
          leaderOfTask,
        ),
      );
      // The unit waited on declares its part done; the lead unit, held up, confirms.
      schedule.on('2021-04-06', async () => {
        if (waitingOn) {
          await call(
            'tasks.declareBlockagePartDone',
            { taskId, blockageId, note: '用地手续已批复，批复文件已送达' },
            headOf(waitingOn),
          );
        }
        await call(
          'tasks.resolveBlockage',
          { taskId, blockageId, resolution: '用地手续已批复' },
          headOf(task.lead),
        );
      });
      return;
    }
    case 'extension_granted': {
      const request = planExtension(taskId, call, schedule, {
        asked: addDays(firstDue, -10),
        milestoneId: firstMilestone,
        requestedDueDate: addDays(firstDue, 30),
        reason: '测绘数据更新延迟',
        head,
      });
      schedule.on(addDays(firstDue, -9), () =>
        review(call, request, true, '测绘延误有测绘院函件为证，拟同意，呈分管领导审批'),
      );
      schedule.on(addDays(firstDue, -8), () =>
        call('tasks.approveDeadlineExtension', request(), leaderOfTask),
      );
      return;
    }
    case 'extension_refused': {
      const request = planExtension(taskId, call, schedule, {
        asked: addDays(firstDue, -5),
        milestoneId: firstMilestone,
        requestedDueDate: addDays(firstDue, 31),
        reason: '方案需再征求意见',
        head,
      });
      schedule.on(addDays(firstDue, -4), () =>
        review(call, request, true, '已征求意见两轮，是否再延请分管领导定'),
      );
      schedule.on(addDays(firstDue, -3), () =>
        call(
          'tasks.rejectDeadlineExtension',
          { ...request(), reason: '方案已多轮征求意见，应按期完成' },
          leaderOfTask,
        ),
      );
      // Late in the year it asks more time for the task itself; the office refuses at its review.
      const yearEnd = planExtension(taskId, call, schedule, {
        asked: '2021-12-10',
        milestoneId: null,
        requestedDueDate: '2022-03-31',
        reason: '板块重组涉及资产评估，年内难以完成',
        head,
      });
      schedule.on('2021-12-13', () =>
        review(call, yearEnd, false, '年度重点任务不予延期，请倒排工期按期完成'),
      );
      return;
    }
    case 'late':
      planLateNotices(task, ids, call, schedule);
      return;
    case 'stalled':
      planStalledPressure(task, ids, call, schedule);
      return;
    default:
      return;
  }
};

/** A late task's first milestone overdue: a yellow slip, answered. */
const planLateNotices = (task: PlanTask, ids: TaskIds, call: Call, schedule: Schedule) => {
  const due = task.milestones[0]!.dueDate;
  let noticeId = '';
  schedule.on(addDays(due, 3), async () => {
    const issued = await call(
      'tasks.issueSupervisionNotice',
      {
        taskId: ids.taskId,
        level: 'yellow',
        toUnitId: task.lead,
        subject: `关于${task.milestones[0]!.title}逾期的督办单`,
        body: '该节点已逾期，请说明原因并提出整改措施。',
        replyDueDate: addDays(due, 10),
      },
      office,
    );
    noticeId = issued.noticeId as string;
  });
  schedule.on(addDays(due, 7), () =>
    call(
      'tasks.answerSupervisionNotice',
      { taskId: ids.taskId, noticeId, answer: '因资金拨付延迟，已调整计划，月内完成。' },
      headOf(task.lead),
    ),
  );
};

/** A stalled task: a red slip, a leader's instruction, a blockage, and accountability in the autumn. */
const planStalledPressure = (task: PlanTask, ids: TaskIds, call: Call, schedule: Schedule) => {
  let noticeId = '';
  schedule.on('2021-06-15', async () => {
    const issued = await call(
      'tasks.issueSupervisionNotice',
      {
        taskId: ids.taskId,
        level: 'red',
        toUnitId: task.lead,
        subject: `${task.title}严重滞后`,
        body: '进度严重滞后于序时进度，请专题报告。',
        replyDueDate: '2021-06-25',
      },
      office,
    );
    noticeId = issued.noticeId as string;
  });
  schedule.on('2021-06-22', () =>
    call(
      'tasks.answerSupervisionNotice',
      { taskId: ids.taskId, noticeId, answer: '已成立专班推进。' },
      headOf(task.lead),
    ),
  );
  schedule.on('2021-07-05', () =>
    call(
      'tasks.issueLeadershipInstruction',
      { taskId: ids.taskId, text: '请专班每周报告进展，督查室跟踪问效' },
      leader(task.leader),
    ),
  );
  let blockageId = '';
  const waitingOn = task.cooperating[0] ?? null;
  schedule.on('2021-08-02', async () => {
    const reported = await call(
      'tasks.reportBlockage',
      { taskId: ids.taskId, description: '配套资金未落实', waitingOnUnitId: waitingOn },
      headOf(task.lead),
    );
    blockageId = reported.blockageId as string;
  });
  schedule.on('2021-10-20', () =>
    call(
      'tasks.resolveBlockage',
      { taskId: ids.taskId, blockageId, resolution: '资金已拨付' },
      headOf(task.lead),
    ),
  );
  schedule.on('2021-11-15', () =>
    call(
      'tasks.recordAccountability',
      {
        taskId: ids.taskId,
        against: { kind: 'unit', id: task.lead },
        kind: 'criticism',
        reason: `${task.title}全年严重滞后，经督办仍未改进`,
        scoreDeduction: 2,
      },
      inspector,
    ),
  );
};
