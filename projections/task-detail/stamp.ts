/** Who recorded an event (actor id) and when (recorded-at time). */
export type Stamp = { at: string; by: string };
