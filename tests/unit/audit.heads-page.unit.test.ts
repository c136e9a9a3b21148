import { headsPage } from '../../services/audit/heads-page.ts';

const heads = [10, 20, 30, 40, 50].map((treeSize) => ({ treeSize }));
const sizes = (page: ReturnType<typeof headsPage>) =>
  page.edges.map((edge) => (edge.node as { treeSize: number }).treeSize);

describe('signed heads a page at a time', () => {
  it('come newest first, with a cursor that leads to the older ones', () => {
    const first = headsPage(heads, 2, null, (head) => head);
    expect(sizes(first)).toEqual([50, 40]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = headsPage(heads, 2, first.pageInfo.endCursor, (head) => head);
    expect(sizes(second)).toEqual([30, 20]);
    const last = headsPage(heads, 2, second.pageInfo.endCursor, (head) => head);
    expect(sizes(last)).toEqual([10]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.totalCount).toBe(5);
  });

  it('do not shift when a head is signed between two pages', () => {
    const first = headsPage(heads, 2, null, (head) => head);
    const grown = [...heads, { treeSize: 60 }];
    expect(sizes(headsPage(grown, 2, first.pageInfo.endCursor, (head) => head))).toEqual([30, 20]);
  });

  it('refuse a cursor they did not give, naming after', () => {
    expect(() => headsPage(heads, 2, 'not-a-cursor!', (head) => head)).toThrow(
      'after: must be a cursor returned by an earlier page',
    );
  });
});
