type Args = Record<string, unknown>;

/** A list's order as GraphQL takes it: one field and a direction. */
interface OrderBy {
  field: string;
  direction?: string | null;
}

/**
 * Every list and board takes `filter` and `orderBy` inputs beside its page
 * (and `asOf`); its action takes the filter's fields flat, and the order as
 * `order` maps it.
 */
export const listParams =
  (order: (orderBy: OrderBy) => Args) =>
  ({ filter, orderBy, ...rest }: Args): Args => ({
    ...((filter as Args | null | undefined) ?? {}),
    ...rest,
    ...(orderBy ? order(orderBy as OrderBy) : {}),
  });

/** The boards' actions take the order as `sort`. */
export const boardParams = listParams((orderBy) => ({ sort: orderBy }));
