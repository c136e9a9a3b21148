/**
 * The `assumed` field of a fact (see contracts/events/assumptions.ts): only when
 * the plan assumed something, so a fact without assumptions keeps the shape it
 * always had.
 */
export const assumedPart = <T extends string>(
  assumed: readonly T[] | undefined,
): { assumed?: T[] } => (assumed && assumed.length > 0 ? { assumed: [...assumed] } : {});
