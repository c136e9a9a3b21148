import type { ClosedPeriod } from '../../../contracts/events/index.ts';
import type { BoardInput } from './input.ts';

const settledInputs = new WeakMap<BoardInput, Map<string, BoardInput>>();

/**
 * `input` (of the period's last day) judged over the closed period: the year's
 * settlement (年度结算), every limit up to its last day counted. One object per
 * input and period, so the views cached on it are built once.
 */
export const settledInput = (input: BoardInput, closed: ClosedPeriod): BoardInput => {
  const known = settledInputs.get(input) ?? new Map<string, BoardInput>();
  settledInputs.set(input, known);
  const found = known.get(closed.period);
  if (found) return found;
  const period = { name: closed.period, from: closed.from, to: closed.to, closed: true };
  const settled = { ...input, period };
  known.set(closed.period, settled);
  return settled;
};

/** The input a query judges: the settlement's when it names one, else the day's as it is. */
export const inputOf = (input: BoardInput, settlement: ClosedPeriod | null | undefined) =>
  settlement ? settledInput(input, settlement) : input;
