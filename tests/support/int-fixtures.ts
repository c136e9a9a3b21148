import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import { taskStreamId, unitStreamId } from '../../contracts/streams.ts';
import { unitDecider } from '../../services/directory/domain/decider.ts';
import type { CommandHandler, CommandResult } from '../../services/shared/command-handler.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';

/** The office (督查室), which registers, assigns and plans. */
export const office: Actor = { id: 'office-1', role: 'office' };

/** A department head acting for `unitId`. */
export const departmentHead = (unitId: string): Actor => ({
  id: `head-${unitId}`,
  role: 'department_head',
  unitId,
});

/** A fresh temporary directory; `path(name)` names a file in it, `remove()` deletes it all. */
export const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `dubanju-${prefix}-`));
  let count = 0;
  return {
    dir,
    /** A new file name in the directory, unique per call. */
    file: (name: string) => join(dir, `${++count}-${name}`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

let requests = 0;

/** Runs one task command as `actor`, with fresh request ids. */
export const runTask = (
  handle: CommandHandler,
  command: TaskCommand,
  actor: Actor = office,
  idempotencyKey?: string,
): Promise<CommandResult> => {
  requests += 1;
  return handle(taskDecider, {
    streamId: taskStreamId(command.data.taskId),
    command,
    actor,
    correlationId: `corr-${requests}`,
    causationId: `cause-${requests}`,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });
};

/** Registers a unit of the directory as the office. */
export const registerUnit = (handle: CommandHandler, unitId: string, name = unitId) => {
  requests += 1;
  return handle(unitDecider, {
    streamId: unitStreamId(unitId),
    command: { type: 'RegisterUnit', data: { unitId, name } },
    actor: office,
    correlationId: `corr-${requests}`,
    causationId: `cause-${requests}`,
  });
};

export const registerTaskCommand = (taskId: string, title = `Task ${taskId}`): TaskCommand => ({
  type: 'RegisterTask',
  data: {
    taskId,
    title,
    description: null,
    section: 'Education',
    plannedStart: '2021-01-01',
    dueDate: '2021-12-31',
  },
});

/** A registered task led by `leadUnitId` (already registered) with the given milestones. */
export const seedTask = async (
  handle: CommandHandler,
  taskId: string,
  options: { leadUnitId?: string; milestoneIds?: string[]; signed?: boolean } = {},
): Promise<void> => {
  await runTask(handle, registerTaskCommand(taskId));
  if (options.leadUnitId !== undefined) {
    await runTask(handle, {
      type: 'AssignTask',
      data: {
        taskId,
        leadUnitId: options.leadUnitId,
        cooperatingUnitIds: [],
        responsibleLeader: null,
        knownUnitIds: [options.leadUnitId],
      },
    });
    // 签收, so the clock's signing limit has nothing to say about the task.
    if (options.signed) {
      await runTask(
        handle,
        { type: 'SignTask', data: { taskId } },
        departmentHead(options.leadUnitId),
      );
    }
  }
  for (const [index, milestoneId] of (options.milestoneIds ?? []).entries()) {
    await runTask(handle, {
      type: 'PlanMilestone',
      data: {
        taskId,
        milestoneId,
        title: `Milestone ${milestoneId}`,
        dueDate: '2021-06-30',
        weight: index + 1,
      },
    });
  }
};

/**
 * The source the office names when it records a unit's report (代录), as the
 * fixtures' reports are sent by the office.
 */
export const proxySource = '联络员报送（测试）';

/** A progress report with a note, so that going backwards is allowed too; recorded by the office (代录). */
export const progress = (taskId: string, milestoneId: string, percent: number): TaskCommand => ({
  type: 'ReportProgress',
  data: { taskId, milestoneId, percent, note: `report of ${percent}%`, proxySource },
});

/**
 * A varied log through the real deciders: units, tasks assigned to them,
 * milestones, progress reports (some backwards), completions and blockages,
 * interleaved across streams. About `tasks * 14 + units` events.
 */
export const seedLog = async (
  handle: CommandHandler,
  options: { tasks: number; units?: number },
): Promise<{ taskIds: string[]; unitIds: string[] }> => {
  const unitIds = Array.from({ length: options.units ?? 3 }, (_, i) => `unit-${i + 1}`);
  for (const unitId of unitIds) await registerUnit(handle, unitId, `Bureau ${unitId}`);
  const taskIds = Array.from({ length: options.tasks }, (_, i) => `task-${i + 1}`);
  for (const [i, taskId] of taskIds.entries()) {
    const leadUnitId = unitIds[i % unitIds.length]!;
    await seedTask(handle, taskId, { leadUnitId, milestoneIds: ['m1', 'm2', 'm3'] });
  }
  // Interleave the streams so that every page of the log spans several documents.
  for (let round = 0; round < 3; round++) {
    for (const [i, taskId] of taskIds.entries()) {
      const percent = (i * 17 + round * 31) % 90;
      await runTask(handle, progress(taskId, 'm1', percent));
      if (round === 1) await runTask(handle, progress(taskId, 'm2', 40 + (i % 50)));
    }
  }
  for (const [i, taskId] of taskIds.entries()) {
    await runTask(handle, {
      type: 'ReportBlockage',
      data: {
        taskId,
        blockageId: `b-${i}`,
        description: 'Waiting for land approval',
        waitingOnUnitId: null,
        knownUnitIds: [],
      },
    });
    if (i % 2 === 0) {
      await runTask(handle, {
        type: 'CompleteMilestone',
        data: { taskId, milestoneId: 'm1', note: null, proxySource },
      });
      await runTask(handle, {
        type: 'ResolveBlockage',
        data: { taskId, blockageId: `b-${i}`, resolution: 'Approved' },
      });
    }
    if (i % 3 === 0) {
      await runTask(handle, {
        type: 'CompleteMilestone',
        data: { taskId, milestoneId: 'm2', note: 'done', proxySource },
      });
    }
  }
  return { taskIds, unitIds };
};
