import type {
  EscalationLevel,
  NoticeLevel,
  ReportingCycle,
  TaskLightColour,
} from '../../contracts/events/task-events.ts';

/** The collection the clock's agenda is kept in, one document per task. */
export const clockAgendaCollection = 'clock_agenda';

/** One milestone (环节) as the clock sees it: what it may still have to record. */
export type AgendaMilestone = {
  milestoneId: string;
  /** The current due date: the planned one, or the last extension approved. */
  dueDate: string;
  completed: boolean;
  /** Due dates a due-soon reminder was already recorded for. */
  remindedFor: string[];
  /** Due dates an overdue was already recorded for. */
  overdueFor: string[];
  /** What the task's light reads of it; absent in documents built before lights were recorded. */
  title?: string;
  weight?: number;
  percent?: number;
};

/**
 * What a task's light (红黄绿灯) is judged from (`taskLight`, as the boards
 * judge it), and the light the clock last recorded.
 */
export type AgendaLight = {
  plannedStart: string;
  /** The task's own due date now: as registered, extended, shifted or set anew (重新办理). */
  dueDate: string;
  /** Its completion accepted (办结), until it is reopened for redo. */
  accepted: boolean;
  /** The light of the last TaskLightChanged; green before any. */
  recorded: TaskLightColour;
};

/** One blockage (堵点) as the clock sees it. Resolved ones stay: they may be reopened. */
export type AgendaBlockage = {
  blockageId: string;
  open: boolean;
  /** The day (China Standard Time) it was reported, or last reopened: its wait counts from here. */
  openSince: string;
  /** 0 until escalated; 1 the responsible leader, 2 the main leader. Only goes up. */
  level: 0 | EscalationLevel;
};

/**
 * The clock's agenda for one task (collection `clock_agenda`, id = taskId). The
 * two summary fields let the clock ask only for tasks with something possibly
 * due, instead of reading every task on every run.
 */
export type ClockAgendaItem = {
  id: string;
  position: number;
  taskId: string;
  /** A suspended task's clock stands still. */
  suspended: boolean;
  /** A terminated task takes no more facts. */
  terminated: boolean;
  milestones: AgendaMilestone[];
  blockages: AgendaBlockage[];
  /** Earliest due date of a milestone not completed and not yet recorded overdue; null: none. */
  nextDueDate: string | null;
  /** Earliest `openSince` of an open blockage below the top level; null: none. */
  waitingSince: string | null;
  /** Closed (办结): its time limits end. Absent in documents built before they were watched. */
  closed?: boolean;
  /** Each responsible unit's signing (签收) of the current assignment. */
  signing?: AgendaSigning[];
  /** The lead unit's reporting cycle (报送周期), from its assignment. */
  reporting?: AgendaReporting | null;
  urges?: AgendaUrge[];
  notices?: AgendaNotice[];
  /** Something of the time limits may fall due: the clock asks for these documents. */
  watching?: boolean;
  /**
   * What its light is judged from; absent in documents built before lights were
   * recorded: the clock judges none until the agenda is rebuilt.
   */
  light?: AgendaLight;
  /** Its light may change: it is judged, not done with green recorded (a done task stays green). */
  lit?: boolean;
};

/** One responsible unit's signing for its assignment of `assignedOn`. */
export type AgendaSigning = {
  unitId: string;
  assignedOn: string;
  signed: boolean;
  reminded: boolean;
  urged: boolean;
};

/** The lead unit's reports in the task's cycle, counted from `since` (its assignment). */
export type AgendaReporting = {
  cycle: ReportingCycle;
  /** Null while the task has no lead unit (returned). */
  leadUnitId: string | null;
  since: string;
  /** The last day the lead unit reported progress; null: not since its assignment. */
  lastReportOn: string | null;
  /** The period ends a missed report (未按期报送) was recorded for. */
  missed: string[];
};

/** A 催办 and its reply, as the clock watches it. */
export type AgendaUrge = {
  urgeId: string;
  unitId: string;
  replyBy: string | null;
  answeredOn: string | null;
  overdue: boolean;
};

/** A 督办单 and its reply, as the clock watches it. */
export type AgendaNotice = {
  noticeId: string;
  unitId: string;
  level: NoticeLevel;
  replyDueDate: string;
  answeredOn: string | null;
  overdue: boolean;
};
