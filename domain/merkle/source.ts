/**
 * Where the tree's hashes come from. The tree code never sees events or storage:
 * it asks for perfect subtrees only, so a store can keep them at every level and
 * answer any root or proof with O(log n) or O(log² n) lookups.
 */
export interface SubtreeSource {
  /** Number of leaves. Leaf i is the event at global position i + 1. */
  size: number;
  /**
   * Hash of the perfect subtree over leaves [index·2^level, (index+1)·2^level);
   * `subtree(0, i)` is leaf hash i. Only asked for ranges that lie within `size`.
   */
  subtree(level: number, index: number): Buffer;
}
