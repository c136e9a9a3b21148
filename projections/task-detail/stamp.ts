/**
 * Who recorded an event (actor id) and when (recorded-at time); `name`, the
 * name their token carried, when it carried one.
 */
export type Stamp = { at: string; by: string; name?: string | null };
