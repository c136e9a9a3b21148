import type { BoardsCompute } from '../../services/boards/compute/boards-compute.ts';
import { boardsComputeByDay } from '../../services/boards/compute/by-day.ts';
import { stageBoardInput } from '../../services/boards/inputs.ts';

/** A compute that records what it is asked, and answers only when told to. */
const recording = (name: string) => {
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const answer = <T>(op: string, value: T): Promise<T> => {
    asked.push(op);
    return new Promise((resolve) => waiting.push(() => resolve(value)));
  };
  const compute = {
    board: (board: string) => answer(`board ${board}`, `${name} ${board}`),
    overview: () => answer('overview', `${name} overview`),
    lights: () => answer('lights', []),
    closeDays: () => answer('closeDays', 0),
    warm: () => answer('warm', undefined),
    close: () => answer('close', undefined),
  } as unknown as BoardsCompute;
  const release = () => {
    for (const one of waiting.splice(0)) one();
  };
  return { compute, asked, release };
};

const query = stageBoardInput.parse({});
const today = { day: '2021-12-31', today: true };
const june = { day: '2021-06-30', today: false };

describe('boards computed by day', () => {
  it("send today's boards to today's compute and past days' to the other", async () => {
    const now = recording('today');
    const past = recording('past');
    const byDay = boardsComputeByDay(now.compute, past.compute);
    const answers = Promise.all([
      byDay.board('stageBoard', query, today),
      byDay.board('stageBoard', query, june),
      byDay.overview({ top: 10 }, today, []),
      byDay.overview({ top: 10 }, june, []),
      byDay.lights(['2021-01-31']),
      byDay.closeDays(['2021-06-30']),
      byDay.warm('2021-12-31'),
    ]);
    now.release();
    past.release();
    expect(await answers).toEqual([
      'today stageBoard',
      'past stageBoard',
      'today overview',
      'past overview',
      [],
      0,
      undefined,
    ]);
    expect(now.asked).toEqual(['board stageBoard', 'overview', 'warm']);
    expect(past.asked).toEqual(['board stageBoard', 'overview', 'lights', 'closeDays']);
  });

  it("answer today's boards while a past day's are still being built", async () => {
    const now = recording('today');
    const past = recording('past');
    const byDay = boardsComputeByDay(now.compute, past.compute);
    let pastDone = false;
    void byDay.board('stageBoard', query, june).then(() => {
      pastDone = true;
    });
    const answer = byDay.board('stageBoard', query, today);
    now.release();
    expect(await answer).toBe('today stageBoard');
    expect(pastDone).toBe(false);
    past.release();
  });

  it('close both, or the one when both are the same', async () => {
    const now = recording('today');
    const past = recording('past');
    const closed = boardsComputeByDay(now.compute, past.compute).close();
    now.release();
    past.release();
    await closed;
    expect([now.asked, past.asked]).toEqual([['close'], ['close']]);
    const one = recording('one');
    const alone = boardsComputeByDay(one.compute, one.compute).close();
    one.release();
    await alone;
    expect(one.asked).toEqual(['close']);
  });
});
