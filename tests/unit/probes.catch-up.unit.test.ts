import { startUpCatchUp } from '../../infra/probes/catch-up.ts';

/** A log and a checkpoint the test moves by hand. */
const positions = (end: number) => {
  const state = { checkpoint: 0, end };
  return {
    state,
    read: {
      checkpoint: async () => state.checkpoint,
      end: async () => state.end,
    },
  };
};

describe('the read models’ catch-up at start, as readiness sees it', () => {
  it('says nothing before it begins', async () => {
    const { read } = positions(1000);
    expect(await startUpCatchUp(read).progress()).toBeNull();
  });

  it('reports the checkpoint against the log’s end found when it began', async () => {
    const { state, read } = positions(1000);
    const catchUp = startUpCatchUp(read);
    await catchUp.begin();
    expect(await catchUp.progress()).toEqual({ position: 0, end: 1000 });
    state.checkpoint = 400;
    state.end = 1100;
    expect(await catchUp.progress()).toEqual({ position: 400, end: 1000 });
  });

  it('is over for good once the checkpoint reaches that end, whatever is appended later', async () => {
    const { state, read } = positions(1000);
    const catchUp = startUpCatchUp(read);
    await catchUp.begin();
    state.checkpoint = 1000;
    expect(await catchUp.progress()).toBeNull();
    state.end = 5000;
    state.checkpoint = 1200;
    expect(await catchUp.progress()).toBeNull();
  });

  it('has nothing to report on a log already projected', async () => {
    const { state, read } = positions(1000);
    state.checkpoint = 1000;
    const catchUp = startUpCatchUp(read);
    await catchUp.begin();
    expect(await catchUp.progress()).toBeNull();
  });

  it('reports nothing when the log’s end cannot be read', async () => {
    const catchUp = startUpCatchUp({
      checkpoint: async () => 0,
      end: () => Promise.reject(new Error('disk I/O error')),
    });
    await catchUp.begin();
    expect(await catchUp.progress()).toBeNull();
  });
});
