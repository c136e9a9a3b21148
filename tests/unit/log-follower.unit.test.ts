import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import {
  createLogFollower,
  type FollowerCheckpoint,
} from '../../infra/log-follower/log-follower.ts';

class Moved extends Error {}

/** A log of positions only: the follower reads nothing else. */
const logOf = (length: number) => {
  const events: StoredEvent[] = [];
  const append = (count: number) => {
    for (let i = 0; i < count; i++) events.push({ position: events.length + 1 } as StoredEvent);
  };
  append(length);
  const reads: number[] = [];
  const eventStore = {
    readAll: async ({ after, limit }: { after: number; limit: number }) => {
      reads.push(after);
      return events.filter((event) => event.position > after).slice(0, limit);
    },
  } as unknown as EventStore;
  return { eventStore, append, reads };
};

/** A checkpoint that records every page it takes and refuses a stale `from`. */
const checkpointOf = () => {
  let position = 0;
  const taken: number[][] = [];
  const checkpoint: FollowerCheckpoint & { taken: number[][]; moveTo(p: number): void } = {
    taken,
    moveTo: (p) => {
      position = p;
    },
    position: () => position,
    take(page, from) {
      if (from !== position) throw new Moved();
      taken.push(page.map((event) => event.position));
      position = page.at(-1)?.position ?? position;
    },
    moved: (error) => error instanceof Moved,
  };
  return checkpoint;
};

/** The lease term each page of `checkpoint` is taken under, as it takes them. */
const termsTaken = (checkpoint: FollowerCheckpoint) => {
  const terms: (number | undefined)[] = [];
  const take = checkpoint.take.bind(checkpoint);
  checkpoint.take = (page, from, term) => {
    terms.push(term);
    return take(page, from);
  };
  return terms;
};

describe('a log follower', () => {
  it('takes the log page by page to its end, moving the checkpoint with each page', async () => {
    const { eventStore } = logOf(5);
    const checkpoint = checkpointOf();
    await createLogFollower({ eventStore, checkpoint, batchSize: 2 }).catchUp();
    expect(checkpoint.taken).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('stops before the next page once its leader may no longer go on, and the next catch-up resumes', async () => {
    const { eventStore } = logOf(7);
    const checkpoint = checkpointOf();
    const follower = createLogFollower({ eventStore, checkpoint, batchSize: 2 });
    let allowed = 2;
    await follower.catchUp(() => allowed-- > 0);
    expect(checkpoint.taken).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await follower.catchUp();
    expect(checkpoint.taken).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
  });

  it('goes to the end for a caller that joined a catch-up which then had to stop', async () => {
    const { eventStore } = logOf(6);
    const checkpoint = checkpointOf();
    const follower = createLogFollower({ eventStore, checkpoint, batchSize: 2 });
    let holding = true;
    const leader = follower.catchUp(() => holding);
    const joined = follower.catchUp();
    holding = false;
    await Promise.all([leader, joined]);
    expect(checkpoint.taken.flat()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads the checkpoint again when another follower moved it, taking no event twice', async () => {
    const { eventStore } = logOf(4);
    const checkpoint = checkpointOf();
    const take = checkpoint.take.bind(checkpoint);
    let raced = false;
    checkpoint.take = (page, from) => {
      if (!raced) {
        raced = true;
        checkpoint.moveTo(2);
      }
      return take(page, from);
    };
    await createLogFollower({ eventStore, checkpoint, batchSize: 3 }).catchUp();
    expect(checkpoint.taken).toEqual([[3, 4]]);
  });

  it('goes round once more for a wake during a catch-up, before answering it', async () => {
    const { eventStore, append } = logOf(2);
    const checkpoint = checkpointOf();
    const follower = createLogFollower({ eventStore, checkpoint, batchSize: 10 });
    const first = follower.catchUp();
    append(1);
    const second = follower.catchUp();
    await Promise.all([first, second]);
    expect(checkpoint.taken.flat()).toEqual([1, 2, 3]);
  });

  it('commits each page under the lease term it was asked under, none when asked without one', async () => {
    const { eventStore, append } = logOf(4);
    const checkpoint = checkpointOf();
    const terms = termsTaken(checkpoint);
    const follower = createLogFollower({ eventStore, checkpoint, batchSize: 2 });
    await follower.catchUp(() => true, 3);
    append(2);
    await follower.catchUp();
    expect(terms).toEqual([3, 3, undefined]);
  });

  it('keeps a fenced catch-up fenced when a caller without a term joins it, and takes a later term', async () => {
    const { eventStore } = logOf(6);
    const checkpoint = checkpointOf();
    const terms = termsTaken(checkpoint);
    const follower = createLogFollower({ eventStore, checkpoint, batchSize: 2 });
    const leader = follower.catchUp(() => true, 3);
    const adHoc = follower.catchUp();
    const renewed = follower.catchUp(() => true, 4);
    await Promise.all([leader, adHoc, renewed]);
    expect(terms).toEqual([4, 4, 4]);
  });

  it('passes on an error that is not a moved checkpoint', async () => {
    const { eventStore } = logOf(1);
    const checkpoint = checkpointOf();
    checkpoint.take = () => {
      throw new Error('disk full');
    };
    await expect(
      createLogFollower({ eventStore, checkpoint, batchSize: 10 }).catchUp(),
    ).rejects.toThrow('disk full');
  });
});
