/** One open blockage seen as "unit `from` waits on unit `to`". */
export interface WaitEdge {
  /** The blockage document id. */
  id: string;
  from: string;
  to: string;
  openedOn: string;
}

/** Where a blockage's waiting leads: A waits on B, which waits on C… */
export interface WaitingChain {
  /** The units waited on in turn, starting with the one the blockage waits on. */
  chain: string[];
  /** The chain comes back to a unit already in it (or to the blocked unit): a cycle. */
  closesCycle: boolean;
}

const oldestFirst = (a: WaitEdge, b: WaitEdge): number =>
  a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : a.id < b.id ? -1 : 1;

/** Edges leaving each unit, oldest blockage first. */
export const edgesByUnit = (edges: readonly WaitEdge[]): Map<string, WaitEdge[]> => {
  const byUnit = new Map<string, WaitEdge[]>();
  for (const edge of [...edges].sort(oldestFirst)) {
    const leaving = byUnit.get(edge.from);
    if (leaving) leaving.push(edge);
    else byUnit.set(edge.from, [edge]);
  }
  return byUnit;
};

/**
 * The chain of one blockage: from the unit it waits on, follow that unit's own
 * oldest open blockage, and so on, until a unit waits on nobody or a unit comes
 * round again (the cycle is then closed by naming that unit once more).
 */
export const waitingChain = (
  edge: WaitEdge,
  byUnit: ReadonlyMap<string, readonly WaitEdge[]>,
): WaitingChain => {
  const chain = [edge.to];
  const seen = new Set([edge.from, edge.to]);
  let current = edge.to;
  for (;;) {
    const next = byUnit.get(current)?.[0];
    if (next === undefined) return { chain, closesCycle: false };
    chain.push(next.to);
    if (seen.has(next.to)) return { chain, closesCycle: true };
    seen.add(next.to);
    current = next.to;
  }
};

/** Every unit reachable from `unit` by one or more waits. */
export const reachableFrom = (
  unit: string,
  byUnit: ReadonlyMap<string, readonly WaitEdge[]>,
): Set<string> => {
  const reached = new Set<string>();
  // Each unit is expanded once, however many blockages lead to it.
  const queue = [unit];
  for (let next = 0; next < queue.length; next++) {
    for (const edge of byUnit.get(queue[next] as string) ?? []) {
      if (reached.has(edge.to)) continue;
      reached.add(edge.to);
      queue.push(edge.to);
    }
  }
  return reached;
};

/**
 * Units that wait on each other in a circle (strongly connected groups of the
 * waiting graph, a unit waiting on itself included), each sorted, listed in order.
 */
export const waitingCycles = (edges: readonly WaitEdge[]): string[][] => {
  const byUnit = edgesByUnit(edges);
  const units = [...new Set(edges.map((edge) => edge.from))].sort();
  const reach = new Map(units.map((unit) => [unit, reachableFrom(unit, byUnit)]));
  const placed = new Set<string>();
  const cycles: string[][] = [];
  for (const unit of units) {
    if (placed.has(unit) || !reach.get(unit)?.has(unit)) continue;
    const group = units.filter(
      (other) => reach.get(unit)?.has(other) && reach.get(other)?.has(unit),
    );
    for (const member of group) placed.add(member);
    cycles.push(group);
  }
  return cycles;
};
