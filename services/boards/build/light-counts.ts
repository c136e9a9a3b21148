/** Counts of green, yellow and red. */
export type LightCounts = { green: number; yellow: number; red: number };

/** A row's light; null: not lit (suspended). */
export type Lit = keyof LightCounts | null;

/** No light counted yet. */
export const noLights = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

/** Counts the lights given; null (unlit) counts as none. */
export const countLights = (lights: readonly (keyof LightCounts | null)[]): LightCounts => {
  const counts = noLights();
  for (const light of lights) if (light !== null) counts[light] += 1;
  return counts;
};
