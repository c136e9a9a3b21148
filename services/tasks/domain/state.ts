import type { TaskEvent } from '../../../contracts/events/index.ts';

/** What the rules need to know of one milestone. */
export type MilestoneState = { percent: number; completed: boolean };

/** What the rules need to know of one blockage (堵点). */
export type BlockageState = { open: boolean };

/** A task after its `TaskRegistered`: everything the rules of later commands read. */
export type RegisteredTask = {
  registered: true;
  taskId: string;
  plannedStart: string;
  dueDate: string;
  leadUnitId: string | null;
  cooperatingUnitIds: readonly string[];
  milestones: ReadonlyMap<string, MilestoneState>;
  blockages: ReadonlyMap<string, BlockageState>;
};

/**
 * The decision state of a task stream. Not a read model: it holds only what
 * `decide` checks. Maps, not plain objects, so an id like `constructor` is not
 * mistaken for an inherited property.
 */
export type TaskState = { registered: false } | RegisteredTask;

export const initialState = (): TaskState => ({ registered: false });

const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> =>
  new Map(map).set(key, value);

/** Applies `change` to a registered task; a task stream always starts with TaskRegistered. */
const update = (state: TaskState, change: (task: RegisteredTask) => RegisteredTask): TaskState =>
  state.registered ? change(state) : state;

const registered = (data: Extract<TaskEvent, { type: 'TaskRegistered' }>['data']): TaskState => ({
  registered: true,
  taskId: data.taskId,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  leadUnitId: null,
  cooperatingUnitIds: [],
  milestones: new Map(),
  blockages: new Map(),
});

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskRegistered':
      return registered(event.data);
    case 'TaskAssigned':
      return update(state, (task) => ({
        ...task,
        leadUnitId: event.data.leadUnitId,
        cooperatingUnitIds: [...event.data.cooperatingUnitIds],
      }));
    case 'MilestonePlanned':
      return update(state, (task) => ({
        ...task,
        milestones: withEntry(task.milestones, event.data.milestoneId, {
          percent: 0,
          completed: false,
        }),
      }));
    case 'MilestoneProgressReported':
      return update(state, (task) => ({
        ...task,
        milestones: withEntry(task.milestones, event.data.milestoneId, {
          percent: event.data.percent,
          completed: false,
        }),
      }));
    case 'MilestoneCompleted':
      // A completed milestone counts as fully done, whatever was last reported.
      return update(state, (task) => ({
        ...task,
        milestones: withEntry(task.milestones, event.data.milestoneId, {
          percent: 100,
          completed: true,
        }),
      }));
    case 'BlockageReported':
      return update(state, (task) => ({
        ...task,
        blockages: withEntry(task.blockages, event.data.blockageId, { open: true }),
      }));
    case 'BlockageResolved':
      return update(state, (task) => ({
        ...task,
        blockages: withEntry(task.blockages, event.data.blockageId, { open: false }),
      }));
    default: {
      // An event type newer than this code changes nothing the rules read.
      const _exhaustive: never = event;
      return state;
    }
  }
};
