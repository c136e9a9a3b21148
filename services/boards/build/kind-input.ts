import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import type { BoardInput } from './input.ts';
import { boardKindOf } from './task-kind.ts';

const kindInputs = new WeakMap<BoardInput, Map<TaskKind, BoardInput>>();

/**
 * `input` with only the tasks of `kind`: a board whose figures come from the
 * tasks together (scores, the units' counts) is then of those tasks alone. One
 * object per input and kind, so the view and the standings computed on it are
 * built once; the parts of the other tasks stay, as nothing reads them. Such
 * an input is not followed (see `isFollowed`): today's boards of every task,
 * asked in between, go on from their own last view.
 */
export const kindInput = (input: BoardInput, kind: TaskKind | null | undefined): BoardInput => {
  if (!kind) return input;
  const known = kindInputs.get(input) ?? new Map<TaskKind, BoardInput>();
  kindInputs.set(input, known);
  const found = known.get(kind);
  if (found) return found;
  const tasks = input.docs.tasks.filter((task) => boardKindOf(task) === kind);
  const narrowed = { ...input, docs: { ...input.docs, tasks }, narrowed: true };
  known.set(kind, narrowed);
  return narrowed;
};
