import { inWorkerOrHere } from '../../services/audit/self-check-in-worker.ts';

const divergence = { position: 5, what: 'changed' };

describe("the audit's check of the stored log, in a worker or in this thread", () => {
  it("takes the worker's answer, and checks nothing here", async () => {
    const here = jest.fn(async () => null);
    const warn = jest.fn();
    expect(await inWorkerOrHere(async () => divergence, here, warn)).toBe(divergence);
    expect(here).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('checks here, saying why, when the worker could not check', async () => {
    const warn = jest.fn();
    const found = await inWorkerOrHere(
      async () => {
        throw new Error('the audit self-check failed: no such module');
      },
      async () => divergence,
      warn,
    );
    expect(found).toBe(divergence);
    expect(warn).toHaveBeenCalledWith(
      'audit: the stored log could not be checked in a worker thread (the audit self-check failed: no such module); it is checked in this thread',
    );
  });

  it('checks nothing again once the check is given up', async () => {
    const stopped = new AbortController();
    stopped.abort(new Error('stopping'));
    const here = jest.fn(async () => null);
    await expect(
      inWorkerOrHere(
        async () => {
          throw stopped.signal.reason;
        },
        here,
        jest.fn(),
        stopped.signal,
      ),
    ).rejects.toThrow('stopping');
    expect(here).not.toHaveBeenCalled();
  });
});
