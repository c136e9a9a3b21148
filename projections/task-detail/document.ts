import type { TaskStatus } from '../../services/tasks/domain/progress.ts';

/** One milestone (环节) as the task page shows it. */
export type MilestoneDetail = {
  id: string;
  title: string;
  dueDate: string;
  weight: number;
  /** Percent done; 100 once completed. */
  progress: number;
  status: 'open' | 'completed';
  completedAt: string | null;
  lastReportedAt: string | null;
};

/** One blockage (堵点) as the task page shows it. */
export type BlockageDetail = {
  id: string;
  description: string;
  waitingOnUnitId: string | null;
  status: 'open' | 'resolved';
  reportedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
};

/**
 * The task page (collection `tasks`, id = taskId). A type alias, not an
 * interface, so it is a `Record<string, unknown>` for the read-model store.
 */
export type TaskDetail = {
  id: string;
  position: number;
  /** Stream revision of the last event applied. */
  revision: number;
  title: string;
  description: string | null;
  section: string | null;
  plannedStart: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  responsibleLeader: string | null;
  milestones: MilestoneDetail[];
  blockages: BlockageDetail[];
  openBlockages: number;
  registeredAt: string;
  updatedAt: string;
};
