/**
 * What each board sorts its rows on. Defaults: responsibility by rank, stage by
 * due date (earliest first), blockage by age (oldest first), progress by how far
 * behind (furthest first), results by attainment (lowest first).
 */
export const boardSortFields = {
  responsibility: [
    'rank',
    'score',
    'red',
    'overdueMilestones',
    'onTimeRate',
    'openBlockages',
    'tasksLed',
  ],
  stage: ['dueDate', 'daysOverdue', 'daysLeft', 'percent', 'title'],
  blockage: ['ageDays', 'level', 'openedOn', 'reportedOn'],
  progress: ['behind', 'actual', 'expected', 'forecast', 'dueDate', 'title'],
  result: ['attainment', 'dueDate', 'name', 'expected'],
} as const;

/** One of the fields `board` sorts on. */
export type SortFieldOf<B extends keyof typeof boardSortFields> =
  (typeof boardSortFields)[B][number];
