/**
 * A generated log of realistic task years for the benchmarks: each task
 * registered, assigned, signed and planned in January, then weekly progress,
 * reminders, overdue facts, indicator values, blockages, notices, an
 * instruction, an extension and the completion review, decided by the real task
 * decider and batch-appended month by month so a page of the log spans many tasks.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../contracts/actor.ts';
import type { DomainEvent } from '../contracts/events/index.ts';
import { taskStreamId, unitStreamId } from '../contracts/streams.ts';
import { addDays, daysBetween } from '../domain/dates.ts';
import type { EventStore, NewEvent } from '../infra/event-store/port.ts';
import type { TaskCommand } from '../services/tasks/domain/commands.ts';
import { taskDecider } from '../services/tasks/domain/decider.ts';
import type { TaskState } from '../services/tasks/domain/state.ts';

export const unitCount = 40;
export const units = Array.from({ length: unitCount }, (_, i) => `unit-${i}`);
const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
/** The responsible leader (分管领导) of task `i`, one of seven: it decides the task's extensions. */
const responsibleLeaderOf = (i: number): Actor => ({ id: `leader-${i % 7}`, role: 'leader' });
const clock: Actor = { id: 'clock', role: 'system' };
export const headOf = (unitId: string): Actor => ({
  id: `head-${unitId}`,
  role: 'department_head',
  unitId,
});

/** One command of a task's year: the day it is sent, who sends it, what it asks. */
type Step = { day: string; actor: Actor; command: TaskCommand };

const pad = (n: number) => String(n).padStart(2, '0');
const day = (month: number, date: number) => `2021-${pad(month)}-${pad(date)}`;

const milestoneDue = [day(3, 31), day(5, 31), day(7, 31), day(9, 30), day(11, 30)];

/** The planning of a task in early January: registered, assigned, signed, planned. */
const planning = (taskId: string, lead: string, coop: string, i: number): Step[] => {
  const start = day(1, 4 + (i % 5));
  const office_ = (command: TaskCommand): Step => ({ day: start, actor: office, command });
  return [
    office_({
      type: 'RegisterTask',
      data: {
        taskId,
        title: `重点任务 ${i}：新建学校与配套设施`,
        description: '按照政府工作报告要求推进',
        section: `section-${i % 6}`,
        plannedStart: day(1, 1),
        dueDate: day(12, 31),
      },
    }),
    office_({
      type: 'AssignTask',
      data: {
        taskId,
        leadUnitId: lead,
        cooperatingUnitIds: [coop],
        responsibleLeader: responsibleLeaderOf(i).id,
        knownUnitIds: units,
      },
    }),
    ...milestoneDue.map((dueDate, m) =>
      office_({
        type: 'PlanMilestone',
        data: { taskId, milestoneId: `m${m}`, title: `环节 ${m + 1}`, dueDate, weight: m + 1 },
      }),
    ),
    ...['schools', 'coverage'].map((name, k) =>
      office_({
        type: 'DefineIndicator',
        data: {
          taskId,
          indicatorId: `i${k}`,
          name,
          unitOfMeasure: k === 0 ? '所' : '%',
          target: k === 0 ? 3 : 97,
          comparison: 'gte',
          dueDate: day(12, 31),
          baseline: 0,
        },
      }),
    ),
    {
      day: addDays(start, 1),
      actor: headOf(lead),
      command: { type: 'SignTask', data: { taskId } },
    },
    {
      day: addDays(start, 2),
      actor: headOf(coop),
      command: { type: 'SignTask', data: { taskId } },
    },
  ];
};

/** Weekly progress on the milestone due next, and each milestone's end: reminded, done or late. */
const milestones = (taskId: string, lead: string, i: number): Step[] => {
  const steps: Step[] = [];
  const head = headOf(lead);
  for (let week = 0; week < 50; week++) {
    const today = addDays(day(1, 11), week * 7 + (i % 3));
    const m = milestoneDue.findIndex((due) => due >= today);
    if (m < 0) break;
    const previous = m === 0 ? day(1, 1) : milestoneDue[m - 1]!;
    const span = daysBetween(previous, milestoneDue[m]!);
    const percent = Math.min(95, Math.round((daysBetween(previous, today) / span) * 100));
    const data = { taskId, milestoneId: `m${m}`, percent, note: `第 ${week + 1} 周进展` };
    steps.push({ day: today, actor: head, command: { type: 'ReportProgress', data } });
  }
  milestoneDue.forEach((due, m) => {
    const milestoneId = `m${m}`;
    const late = (i + m) % 5 === 0;
    steps.push({
      day: addDays(due, -3),
      actor: clock,
      command: { type: 'RemindMilestoneDueSoon', data: { taskId, milestoneId, leadDays: 3 } },
    });
    if (late) {
      steps.push({
        day: addDays(due, 1),
        actor: clock,
        command: { type: 'RecordMilestoneOverdue', data: { taskId, milestoneId } },
      });
    }
    steps.push({
      day: addDays(due, late ? 6 : 0),
      actor: head,
      command: { type: 'CompleteMilestone', data: { taskId, milestoneId, note: null } },
    });
  });
  return steps;
};

/** Indicator values: self-reported each month, measured each quarter. */
const results = (taskId: string, lead: string): Step[] =>
  Array.from({ length: 12 }, (_, k) => k + 1).flatMap((month) => {
    const asOf = day(month, 25);
    const steps: Step[] = ['i0', 'i1'].map((indicatorId, k) => ({
      day: asOf,
      actor: headOf(lead),
      command: {
        type: 'ReportIndicatorValue',
        data: {
          taskId,
          indicatorId,
          value: k === 0 ? Math.floor(month / 4) : 80 + month,
          asOf,
          evidence: [],
        },
      },
    }));
    if (month % 3 === 0) {
      steps.push({
        day: addDays(asOf, 2),
        actor: office,
        command: {
          type: 'ReportIndicatorValue',
          data: { taskId, indicatorId: 'i1', value: 79 + month, asOf, evidence: [] },
        },
      });
    }
    return steps;
  });

/** Two blockages a year: escalated by the clock, coordinated by a leader, resolved. */
const blockages = (taskId: string, lead: string, coop: string): Step[] =>
  [day(2, 10), day(6, 14)].flatMap((reported, b) => {
    const blockageId = `b${b}`;
    return [
      {
        day: reported,
        actor: headOf(lead),
        command: {
          type: 'ReportBlockage',
          data: {
            taskId,
            blockageId,
            description: '用地手续待批',
            waitingOnUnitId: coop,
            knownUnitIds: units,
          },
        },
      },
      {
        day: addDays(reported, 7),
        actor: clock,
        command: { type: 'EscalateBlockage', data: { taskId, blockageId, level: 1 } },
      },
      {
        day: addDays(reported, 8),
        actor: leader,
        command: {
          type: 'AssignBlockageCoordination',
          data: {
            taskId,
            blockageId,
            coordinatorUnitId: units[0]!,
            note: '本周协调',
            knownUnitIds: units,
          },
        },
      },
      {
        day: addDays(reported, 20),
        actor: office,
        command: {
          type: 'ResolveBlockage',
          data: { taskId, blockageId, resolution: '已协调办结' },
        },
      },
    ] satisfies Step[];
  });

/** Notices and their answers, an instruction, an extension, and the completion review. */
const supervision = (taskId: string, lead: string, i: number): Step[] => {
  const steps: Step[] = [day(4, 12), day(8, 16)].flatMap((issued, n) => [
    {
      day: issued,
      actor: office,
      command: {
        type: 'IssueSupervisionNotice',
        data: {
          taskId,
          noticeId: `n${n}`,
          level: n === 0 ? 'blue' : 'yellow',
          toUnitId: lead,
          subject: '进度提示',
          body: '请报告进展与困难',
          replyDueDate: addDays(issued, 7),
        },
      },
    },
    {
      day: addDays(issued, 3),
      actor: headOf(lead),
      command: {
        type: 'AnswerSupervisionNotice',
        data: { taskId, noticeId: `n${n}`, answer: '已部署', evidence: [] },
      },
    },
  ]);
  steps.push(
    {
      day: day(5, 20),
      actor: leader,
      command: {
        type: 'IssueLeadershipInstruction',
        data: {
          taskId,
          instructionId: 'x0',
          text: '抓紧推进',
          addressedToUnitIds: [lead],
          knownUnitIds: units,
        },
      },
    },
    {
      day: day(9, 10),
      actor: headOf(lead),
      command: {
        type: 'RequestDeadlineExtension',
        data: {
          taskId,
          requestId: 'r0',
          milestoneId: 'm3',
          requestedDueDate: day(10, 31),
          reason: '雨季施工',
        },
      },
    },
    {
      day: day(9, 12),
      actor: office,
      command: {
        type: 'ReviewDeadlineExtension',
        data: { taskId, requestId: 'r0', forward: true, comment: '拟同意，呈分管领导' },
      },
    },
    {
      day: day(9, 15),
      actor: responsibleLeaderOf(i),
      command:
        i % 2 === 0
          ? { type: 'ApproveDeadlineExtension', data: { taskId, requestId: 'r0' } }
          : {
              type: 'RejectDeadlineExtension',
              data: { taskId, requestId: 'r0', reason: '理由不足' },
            },
    },
    {
      day: day(12, 10),
      actor: headOf(lead),
      command: {
        type: 'ReportTaskCompletion',
        data: { taskId, summary: '全部完成', evidence: [] },
      },
    },
    {
      day: day(12, 20),
      actor: office,
      command: { type: 'AcceptTaskCompletion', data: { taskId, comment: null } },
    },
  );
  return steps;
};

/** A task's year, in the order its commands are sent. */
const taskYear = (i: number): Step[] => {
  const taskId = `task-${i}`;
  const lead = units[i % unitCount]!;
  const coop = units[(i + 7) % unitCount]!;
  return [
    ...planning(taskId, lead, coop, i),
    ...milestones(taskId, lead, i),
    ...results(taskId, lead),
    ...blockages(taskId, lead, coop),
    ...supervision(taskId, lead, i),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
};

/** Events a task's year records, on average: the years vary with the task's number mod 2, 3 and 5. */
const eventsPerTask = (sample = 30): number => {
  let events = 0;
  for (let i = 0; i < sample; i++) {
    let state = taskDecider.initialState();
    for (const step of taskYear(i)) {
      const now = `${step.day}T02:00:00.000Z`;
      for (const event of taskDecider.decide(step.command, state, { actor: step.actor, now })) {
        state = taskDecider.evolve(state, event);
        events += 1;
      }
    }
  }
  return events / sample;
};

/** A task of the generated log: its year still to be sent, its decision state and revision. */
type Generated = {
  streamId: string;
  steps: Step[];
  next: number;
  state: TaskState;
  revision: number;
};

export const newEvent = (
  event: DomainEvent,
  actor: Actor,
  recordedAt: string,
  key: string,
): NewEvent => ({
  id: randomUUID(),
  type: event.type,
  version: 1,
  data: event.data,
  metadata: { actor, correlationId: key, causationId: key, idempotencyKey: key, recordedAt },
  recordedAt,
});

/**
 * Decides the task's commands of `day` and appends their events in one batch,
 * recorded at `time`: the log's times never go back, as a real log's do not.
 */
const advance = async (store: EventStore, task: Generated, day: string, time: () => string) => {
  const batch: NewEvent[] = [];
  let refused = 0;
  while (task.next < task.steps.length && task.steps[task.next]!.day <= day) {
    const step = task.steps[task.next++]!;
    const now = time();
    try {
      const events = taskDecider.decide(step.command, task.state, { actor: step.actor, now });
      const key = randomUUID();
      for (const event of events) {
        task.state = taskDecider.evolve(task.state, event);
        batch.push(newEvent(event, step.actor, now, key));
      }
    } catch {
      refused += 1;
    }
  }
  if (batch.length > 0) {
    const expectedRevision = task.revision === -1 ? 'no_stream' : task.revision;
    await store.appendToStream(task.streamId, batch, { expectedRevision });
    task.revision += batch.length;
  }
  return { appended: batch.length, refused };
};

/**
 * Writes a log of about `target` events: the directory's units, then the tasks'
 * years interleaved day by day (each task's day one append, at a time later
 * than the one before), so a page of the log spans many tasks and the times
 * recorded only move forwards, as a real log's do.
 */
export const generateLog = async (store: EventStore, target: number) => {
  for (const unitId of units) {
    const event: DomainEvent = { type: 'UnitRegistered', data: { unitId, name: `单位 ${unitId}` } };
    await store.appendToStream(
      unitStreamId(unitId),
      [newEvent(event, office, '2021-01-01T01:00:00.000Z', randomUUID())],
      {
        expectedRevision: 'no_stream',
      },
    );
  }
  const tasks: Generated[] = Array.from(
    { length: Math.ceil(target / eventsPerTask()) },
    (_, i) => ({
      streamId: taskStreamId(`task-${i}`),
      steps: taskYear(i),
      next: 0,
      state: taskDecider.initialState(),
      revision: -1,
    }),
  );
  let events = unitCount;
  let refused = 0;
  for (let today = day(1, 1); today <= day(12, 31); today = addDays(today, 1)) {
    // From 09:00 China Standard Time, a tenth of a second apart.
    const opening = Date.parse(`${today}T01:00:00.000Z`);
    let sent = 0;
    const time = () => new Date(opening + 100 * sent++).toISOString();
    for (const task of tasks) {
      if (task.steps[task.next]?.day !== today) continue;
      const result = await advance(store, task, today, time);
      events += result.appended;
      refused += result.refused;
    }
  }
  return { events, tasks: tasks.length, refused };
};
