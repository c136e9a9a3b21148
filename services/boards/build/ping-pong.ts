import type { LeadMove } from '../../../projections/boards/index.ts';
import { type BoardView, perTaskOfView } from './board-view.ts';
import { keptItems } from './slot-list.ts';

/**
 * A task bounced between units (踢皮球): its lead was moved by transfers or
 * returns at least twice in the period. One move corrects an assignment; a
 * second means the task is being passed around.
 */
export interface PingPongRow {
  taskId: string;
  title: string;
  leadUnitId: string | null;
  /** The period's moves, in order. */
  moves: LeadMove[];
  /**
   * The units that returned it (退回) in the period and had it back afterwards:
   * their return was unfounded, and each loses points. A unit whose return held
   * (the task stayed elsewhere) loses nothing, and a move the office made (a
   * transfer, or its handing on of a return) is the office's decision and costs
   * no unit.
   */
  unitIds: string[];
  /** A unit got the task back after handing it on. */
  bouncedBack: boolean;
}

/** Moves of a task in a lead that count as a ping-pong. */
export const pingPongMoves = 2;

/** The units that returned the task and later had it back. */
const wronglyReturnedBy = (moves: readonly LeadMove[]): string[] => [
  ...new Set(
    moves.flatMap((move, index) =>
      move.kind === 'returned' &&
      move.fromUnitId !== null &&
      moves.slice(index + 1).some((later) => later.toUnitId === move.fromUnitId)
        ? [move.fromUnitId]
        : [],
    ),
  ),
];

const bouncedBack = (moves: readonly LeadMove[]): boolean =>
  moves.some(
    (move, index) =>
      move.toUnitId !== null &&
      moves.slice(0, index).some((earlier) => earlier.fromUnitId === move.toUnitId),
  );

/** The tasks bounced between units in the board's period (the year to date). */
const pingPongOf = perTaskOfView(({ task }, view): PingPongRow | null => {
  if (task.moves.length < pingPongMoves) return null;
  const moves = task.moves.filter(
    (move) => move.day >= view.period.from && move.day <= view.period.to,
  );
  if (moves.length < pingPongMoves) return null;
  return {
    taskId: task.id,
    title: task.title,
    leadUnitId: task.leadUnitId,
    moves,
    unitIds: wronglyReturnedBy(moves),
    bouncedBack: bouncedBack(moves),
  };
});

const bounced = keptItems((row: PingPongRow | null) => row !== null);

export const pingPongs = (view: BoardView): PingPongRow[] => bounced(pingPongOf(view));
