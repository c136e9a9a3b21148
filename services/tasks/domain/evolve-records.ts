import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withChanged, withEntry, withMember } from './collections.ts';
import type { BlockageState, RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

const changeBlockage = (
  task: RegisteredTask,
  blockageId: string,
  change: Partial<BlockageState>,
): RegisteredTask => ({
  ...task,
  blockages: withChanged(task.blockages, blockageId, (blockage) => ({ ...blockage, ...change })),
});

export const blockageReported = (
  task: RegisteredTask,
  data: Data<'BlockageReported'>,
): RegisteredTask => ({
  ...task,
  blockages: withEntry(task.blockages, data.blockageId, {
    open: true,
    level: 0,
    reportedByUnitId: data.reportedByUnitId,
    waitingOnUnitId: data.waitingOnUnitId,
  }),
});

export const blockageOpen = (task: RegisteredTask, blockageId: string, open: boolean) =>
  changeBlockage(task, blockageId, { open });

export const blockageEscalated = (task: RegisteredTask, data: Data<'BlockageEscalated'>) =>
  changeBlockage(task, data.blockageId, { level: data.level });

export const indicatorDefined = (
  task: RegisteredTask,
  data: Data<'IndicatorDefined'>,
): RegisteredTask => ({
  ...task,
  indicatorIds: withMember(task.indicatorIds, data.indicatorId),
  countingIndicators: data.wholeNumbers
    ? withEntry(task.countingIndicators, data.indicatorId, data.unitOfMeasure)
    : task.countingIndicators,
});

export const noticeIssued = (
  task: RegisteredTask,
  data: Data<'SupervisionNoticeIssued'>,
): RegisteredTask => ({
  ...task,
  notices: withEntry(task.notices, data.noticeId, {
    toUnitId: data.toUnitId,
    answered: false,
    level: data.level,
    replyDueDate: data.replyDueDate,
    answeredOn: null,
    overdue: false,
  }),
});

export const noticeAnswered = (
  task: RegisteredTask,
  data: Data<'SupervisionNoticeAnswered'>,
): RegisteredTask => ({
  ...task,
  notices: withChanged(task.notices, data.noticeId, (notice) => ({
    ...notice,
    answered: true,
    answeredOn: data.answeredOn ?? null,
  })),
});

export const instructionIssued = (
  task: RegisteredTask,
  data: Data<'LeadershipInstructionIssued'>,
): RegisteredTask => ({
  ...task,
  instructionIds: withMember(task.instructionIds, data.instructionId),
});

export const accountabilityRecorded = (
  task: RegisteredTask,
  data: Data<'AccountabilityRecorded'>,
): RegisteredTask => ({
  ...task,
  accountabilityRecordIds: withMember(task.accountabilityRecordIds, data.recordId),
});

export const bonusAwarded = (task: RegisteredTask, data: Data<'BonusAwarded'>): RegisteredTask => ({
  ...task,
  bonusIds: withMember(task.bonusIds, data.bonusId),
  earlyCompletionUnitIds:
    data.kind === 'early_completion'
      ? withMember(task.earlyCompletionUnitIds, data.unitId)
      : task.earlyCompletionUnitIds,
});
