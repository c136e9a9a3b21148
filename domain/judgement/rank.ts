/** A unit's place in a period's ranking (督查考核排名). */
export type Ranked<T> = T & { rank: number };

const byScoreThenUnit = (
  a: { unitId: string; score: number },
  b: { unitId: string; score: number },
): number => b.score - a.score || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/**
 * Ranks scores highest first, unit id breaking ties in order only: equal scores
 * share a rank and the next rank skips (competition ranking: 1, 2, 2, 4).
 */
export const rank = <T extends { unitId: string; score: number }>(
  scores: readonly T[],
): Ranked<T>[] => {
  const sorted = [...scores].sort(byScoreThenUnit);
  const ranked: Ranked<T>[] = [];
  for (const [index, entry] of sorted.entries()) {
    const previous = ranked[index - 1];
    const shared = previous !== undefined && previous.score === entry.score;
    ranked.push({ ...entry, rank: shared ? previous.rank : index + 1 });
  }
  return ranked;
};
