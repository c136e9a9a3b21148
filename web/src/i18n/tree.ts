/**
 * The console's words for the unit tree and 分解交办, in both languages (spread
 * into `zh.ts` and `en.ts`): the task page's sub-tasks and split form, the
 * boards' subtree filter.
 */
export const treeZh = {
  event_TaskSplit: '分解交办',
  subTasks: '分解任务',
  parentTask: '上级任务',
  rolledUpProgress: '汇总进度',
  rolledUpHelp: '汇总进度：本任务各节点与各分解任务按权重加权（分解任务按分解时给定的权重计）。',
  splitTask: '分解交办',
  splitTaskHelp:
    '将本任务分解给本单位下属科室、社区办理；各分解任务单独签收、报送，进度汇总到本任务。',
  subTaskUnit: '承办下级单位',
  subTaskTitle: '分解任务名称',
  subTaskDue: '完成时限',
  subTaskWeight: '权重',
  unitSubtree: '单位及下属',
  subUnitDeductions: '下属单位扣分',
  ownProgress: '本级',
} as const;

export const treeEn: Record<keyof typeof treeZh, string> = {
  event_TaskSplit: 'Split into sub-tasks',
  subTasks: 'Sub-tasks',
  parentTask: 'Split from',
  rolledUpProgress: 'Rolled-up progress',
  rolledUpHelp:
    "Rolled-up progress: the task's own milestones and each sub-task, weighted (a sub-task by the weight the split gave it).",
  splitTask: 'Split into sub-tasks',
  splitTaskHelp:
    'Hands parts of this task to the units below yours; each sub-task is signed and reported on by its unit and rolls up into this one.',
  subTaskUnit: 'Sub-unit',
  subTaskTitle: 'Sub-task',
  subTaskDue: 'Due',
  subTaskWeight: 'Weight',
  unitSubtree: 'Unit and those below it',
  subUnitDeductions: 'Lost by units below',
  ownProgress: 'own part',
};
