import { decodeKeyCursor, encodeKeyCursor } from '../../contracts/cursor.ts';

const cursorOf = (treeSize: number) =>
  encodeKeyCursor({ field: 'treeSize', value: treeSize, id: String(treeSize) });

/**
 * A page of signed heads, newest first, as a connection: `first` heads of a
 * tree size below the one the cursor `after` names. Each cursor names its
 * head's tree size, so a head signed meanwhile does not shift the next page.
 */
export const headsPage = <H extends { treeSize: number }, N>(
  heads: readonly H[],
  first: number,
  after: string | null | undefined,
  node: (head: H) => N,
) => {
  const below = after
    ? Number(decodeKeyCursor(after, 'treeSize', 'after', 'first', 'must be a head cursor').value)
    : Number.POSITIVE_INFINITY;
  const older = heads.filter((head) => head.treeSize < below);
  const page = older.slice(-first).reverse();
  return {
    edges: page.map((head) => ({ cursor: cursorOf(head.treeSize), node: node(head) })),
    totalCount: heads.length,
    pageInfo: {
      hasNextPage: older.length > page.length,
      hasPreviousPage: heads.length > older.length,
      startCursor: page[0] ? cursorOf(page[0].treeSize) : null,
      endCursor: page.at(-1) ? cursorOf((page.at(-1) as H).treeSize) : null,
    },
  };
};
