import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { storedOnce } from '../../services/boards/as-of/kept-versions.ts';

/** Stored tasks whose report lists grow, under a checkpoint moved by hand; reads counted. */
const growingStore = () => {
  const state = { checkpoint: 10, reports: 1, reads: 0 };
  const store = {
    getCheckpoint: async () => state.checkpoint,
    find: async (collection: string) => {
      state.reads += 1;
      const reports = Array.from({ length: state.reports }, (_, i) => i);
      return { items: [{ id: 't1', collection, reports }], totalCount: null };
    },
  } as unknown as ReadModelStore;
  return { store, state };
};

const reportsOf = async (docs: Promise<ReadonlyMap<string, unknown>>) =>
  ((await docs).get('t1') as { reports: number[] }).reports.length;

describe('stored documents read once', () => {
  it('answer again while the checkpoint they were read at reaches the position asked', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store);
    expect(await reportsOf(later('board_tasks', 8))).toBe(1);
    state.reports = 3;
    state.checkpoint = 14;
    expect(await reportsOf(later('board_tasks', 10))).toBe(1);
    expect(state.reads).toBe(1);
  });

  it('are read again for a position past that checkpoint, and kept from then on', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store);
    await later('board_tasks', 10);
    state.reports = 3;
    state.checkpoint = 14;
    expect(await reportsOf(later('board_tasks', 12))).toBe(3);
    expect(await reportsOf(later('board_tasks', 14))).toBe(3);
    expect(state.reads).toBe(2);
  });

  it('keep each collection apart, and not a failed read', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store);
    await later('board_tasks', 1);
    await later('board_blockages', 1);
    expect(state.reads).toBe(2);
    let failNext = true;
    const flaky = {
      ...store,
      find: (collection: string) => {
        if (!failNext) return store.find(collection);
        failNext = false;
        return Promise.reject(new Error('disk I/O error'));
      },
    } as ReadModelStore;
    const once = storedOnce(flaky);
    await expect(once('board_tasks', 1)).rejects.toThrow('disk I/O error');
    expect(await reportsOf(once('board_tasks', 1))).toBe(1);
  });
});

describe('stored documents asked for together', () => {
  it('are read once for asks that come before the first read is done', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store);
    const both = await Promise.all([later('board_tasks', 5), later('board_tasks', 9)]);
    expect(state.reads).toBe(1);
    expect(both[0]).toBe(both[1]);
  });

  it('share one newer read when both ask past the checkpoint read at', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store);
    await later('board_tasks', 10);
    state.reports = 3;
    state.checkpoint = 14;
    const both = await Promise.all([later('board_tasks', 12), later('board_tasks', 13)]);
    expect(state.reads).toBe(2);
    expect(await reportsOf(Promise.resolve(both[0]))).toBe(3);
    expect(both[0]).toBe(both[1]);
  });
});

describe('stored documents kept within a bound', () => {
  it('let the collection asked longest ago go first', async () => {
    const { store, state } = growingStore();
    // One document a collection: room for two.
    const later = storedOnce(store, 2);
    await later('board_tasks', 1);
    await later('board_blockages', 1);
    await later('board_tasks', 1);
    expect(state.reads).toBe(2);
    await later('board_milestones', 1);
    await later('board_tasks', 1);
    expect(state.reads).toBe(3);
    await later('board_blockages', 1);
    expect(state.reads).toBe(4);
  });

  it('keep no read that alone holds more, sharing it only with the asks that waited', async () => {
    const { store, state } = growingStore();
    const later = storedOnce(store, 0);
    const both = await Promise.all([later('board_tasks', 1), later('board_tasks', 1)]);
    expect(both[0]).toBe(both[1]);
    expect(state.reads).toBe(1);
    await later('board_tasks', 1);
    expect(state.reads).toBe(2);
  });
});
