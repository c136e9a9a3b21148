import type { LeaderRole, Leadership, Schedule } from '../../infra/leadership/leadership.ts';
import { alwaysLeading, createLeadership } from '../../infra/leadership/leadership.ts';
import type { Lease, LeaseStore } from '../../infra/lease/port.ts';

/**
 * Time that moves only when a test says so, running the expiry checks scheduled
 * on it. The campaign's first tick (scheduled at 0 ms, and the loop hangs off
 * it) is never run: the tests tick by hand, so each step is theirs.
 */
const fakeTime = () => {
  let now = 0;
  let jobs: { at: number; work: () => void }[] = [];
  const schedule: Schedule = (work, ms) => {
    if (ms === 0) return () => {};
    const job = { at: now + ms, work };
    jobs.push(job);
    return () => {
      jobs = jobs.filter((other) => other !== job);
    };
  };
  return {
    now: () => now,
    schedule,
    /** Moves time on without running what came due: a process paused meanwhile. */
    jump(ms: number) {
      now += ms;
    },
    /** Moves time on, runs what came due and lets the changes it started finish. */
    async advance(ms: number) {
      now += ms;
      const due = jobs.filter((job) => job.at <= now);
      jobs = jobs.filter((job) => !due.includes(job));
      for (const job of due) job.work();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
};

/** An in-memory lease store with the port's rules, on the fake time, that can be cut off. */
const memoryLeases = (now: () => number) => {
  const leases = new Map<string, Lease & { expiresAt: number }>();
  let cutOff = false;
  const store: LeaseStore = {
    async acquire(name, holder, ttlMs) {
      if (cutOff) throw new Error('store unreachable');
      const held = leases.get(name);
      if (held && held.holder !== holder && held.expiresAt > now()) return null;
      const term = !held ? 1 : held.holder === holder ? held.term : held.term + 1;
      const lease = { name, holder, term, ttlMs, expiresAt: now() + ttlMs };
      leases.set(name, lease);
      return { name, holder, term, ttlMs };
    },
    async release(name, holder) {
      const held = leases.get(name);
      if (held?.holder === holder) held.expiresAt = 0;
    },
    async current(name) {
      const held = leases.get(name);
      return held && held.expiresAt > now() ? held : null;
    },
    async close() {},
  };
  return {
    store,
    cut: (value: boolean) => {
      cutOff = value;
    },
  };
};

/** A role that records when it leads (and under which term) and stands down. */
const recordingRole = () => {
  const log: string[] = [];
  const terms: (number | undefined)[] = [];
  const role: LeaderRole = {
    lead: (term) => {
      log.push('lead');
      terms.push(term);
    },
    standDown: () => {
      log.push('standDown');
    },
  };
  return { role, log, terms };
};

const quietLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (line: string) => lines.push(line),
    warn: (line: string) => lines.push(line),
  };
};

const setUp = () => {
  const time = fakeTime();
  const leases = memoryLeases(time.now);
  /** A node campaigning for the lease with `role` (by default one that records its changes). */
  const candidate = (holder: string, given?: LeaderRole) => {
    const logger = quietLogger();
    const recording = recordingRole();
    const role = given ?? recording.role;
    const { log, terms } = recording;
    const leadership: Leadership = createLeadership({
      store: leases.store,
      name: 'projector',
      holder,
      ttlMs: 3000,
      renewMs: 1000,
      logger,
      now: time.now,
      schedule: time.schedule,
    });
    void leadership.start(role);
    return { leadership, log, terms, logger };
  };
  return { time, leases, candidate };
};

describe('a node that wins the lease', () => {
  it('leads once, and renewing keeps it leading without starting again', async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    expect(await a.leadership.tick()).toBe(true);
    await time.advance(1000);
    expect(await a.leadership.tick()).toBe(true);
    await time.advance(1000);
    expect(await a.leadership.tick()).toBe(true);
    expect(a.log).toEqual(['lead']);
    expect(a.logger.lines).toEqual(['lease projector: taken by a (term 1)']);
  });
});

describe('a standby', () => {
  it('does not lead while the holder renews', async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    for (let i = 0; i < 5; i++) {
      await time.advance(1000);
      await a.leadership.tick();
      expect(await b.leadership.tick()).toBe(false);
    }
    expect(b.log).toEqual([]);
  });

  it('takes over once the holder falls silent for the lease time, at a higher term', async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    await time.advance(2999);
    expect(await b.leadership.tick()).toBe(false);
    await time.advance(1);
    expect(await b.leadership.tick()).toBe(true);
    expect(b.log).toEqual(['lead']);
    expect(b.logger.lines).toEqual(['lease projector: taken by b (term 2)']);
  });

  it("leads under the lease's term, the holder's term raised by one", async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    await time.advance(3000);
    await b.leadership.tick();
    expect(a.terms).toEqual([1]);
    expect(b.terms).toEqual([2]);
  });

  it('takes over at once when the holder stops cleanly and releases it', async () => {
    const { candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    expect(await b.leadership.tick()).toBe(false);
    await a.leadership.stop();
    expect(a.log).toEqual(['lead', 'standDown']);
    expect(await b.leadership.tick()).toBe(true);
  });
});

describe('a holder paused past its lease, which finds it held again under a new term', () => {
  it('stands down and leads anew under the new term', async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    time.jump(3000);
    expect(await b.leadership.tick()).toBe(true);
    time.jump(3000);
    expect(await a.leadership.tick()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.log).toEqual(['lead', 'standDown', 'lead']);
    expect(a.terms).toEqual([1, 3]);
    expect(a.logger.lines).toContain('lease projector: held again under term 3; leading anew');
  });
});

describe('a holder whose lease lapsed and was taken over', () => {
  it('stands down by its own deadline, before the other node may take over', async () => {
    const { time, candidate } = setUp();
    const a = candidate('a');
    const b = candidate('b');
    await a.leadership.tick();
    await time.advance(3000);
    expect(a.leadership.holding()).toBe(false);
    expect(a.log).toEqual(['lead', 'standDown']);
    await b.leadership.tick();
    expect(await a.leadership.tick()).toBe(false);
    expect(a.log).toEqual(['lead', 'standDown']);
    expect(a.logger.lines).toContain('lease projector: not renewed in time; standing down');
  });
});

describe('a holder cut off from the lease store', () => {
  it('keeps leading until its lease would lapse, says why once, then stands down', async () => {
    const { time, leases, candidate } = setUp();
    const a = candidate('a');
    await a.leadership.tick();
    leases.cut(true);
    await time.advance(1000);
    expect(await a.leadership.tick()).toBe(true);
    await time.advance(1000);
    expect(await a.leadership.tick()).toBe(true);
    expect(a.log).toEqual(['lead']);
    await time.advance(1000);
    expect(await a.leadership.tick()).toBe(false);
    expect(a.log).toEqual(['lead', 'standDown']);
    const complaints = a.logger.lines.filter((line) => line.includes('did not answer'));
    expect(complaints).toEqual([
      'lease projector: the lease store did not answer (store unreachable); retrying',
    ]);
  });

  it('leads again once the store answers and nobody else took the lease', async () => {
    const { time, leases, candidate } = setUp();
    const a = candidate('a');
    await a.leadership.tick();
    leases.cut(true);
    await time.advance(3000);
    await a.leadership.tick();
    leases.cut(false);
    expect(await a.leadership.tick()).toBe(true);
    expect(a.log).toEqual(['lead', 'standDown', 'lead']);
  });
});

describe('a role that fails to start leading', () => {
  it('is logged, not thrown, and the node keeps its lease', async () => {
    const time = fakeTime();
    const leases = memoryLeases(time.now);
    const logger = quietLogger();
    const leadership = createLeadership({
      store: leases.store,
      name: 'audit',
      holder: 'a',
      ttlMs: 3000,
      renewMs: 1000,
      logger,
      now: time.now,
      schedule: time.schedule,
    });
    await leadership.start({
      lead: () => {
        throw new Error('index locked');
      },
      standDown: () => {},
    });
    expect(await leadership.tick()).toBe(true);
    expect(logger.lines).toContain('lease audit: leading failed: index locked');
  });
});

describe('a single process without leases', () => {
  it('leads from the start until it stops', async () => {
    const { role, log } = recordingRole();
    const leadership = alwaysLeading();
    expect(leadership.holding()).toBe(false);
    await leadership.start(role);
    expect(leadership.holding()).toBe(true);
    await leadership.stop();
    expect(leadership.holding()).toBe(false);
    expect(log).toEqual(['lead', 'standDown']);
  });
});

describe('a leader whose role works long (a catch-up over a large backlog)', () => {
  /** A role whose lead() runs until the test ends it, and asks `holding()` between pages. */
  const longRole = (leadership: () => Leadership) => {
    let finish = () => {};
    const pages: number[] = [];
    const role: LeaderRole = {
      lead: () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
      standDown: () => {},
    };
    return {
      role,
      pages,
      /** One page of the catch-up, when the lease still allows it; answers whether it ran. */
      page: () => {
        if (!leadership().holding()) return false;
        pages.push(pages.length + 1);
        return true;
      },
      finish: () => finish(),
    };
  };

  it('keeps renewing its lease while the role is still beginning, so no standby takes it', async () => {
    const { time, candidate } = setUp();
    const work = longRole(() => a);
    const a = candidate('a', work.role).leadership;
    const b = candidate('b');
    expect(await a.tick()).toBe(true);
    for (let second = 0; second < 10; second++) {
      await time.advance(1000);
      // Each renewal answers while lead() has not finished.
      expect(await a.tick()).toBe(true);
      expect(await b.leadership.tick()).toBe(false);
      expect(work.page()).toBe(true);
    }
    expect(b.log).toEqual([]);
    expect(work.pages).toHaveLength(10);
    work.finish();
  });

  it('stops its work within one renewal period of losing the lease', async () => {
    const { time, leases, candidate } = setUp();
    const work = longRole(() => a);
    const a = candidate('a', work.role).leadership;
    await a.tick();
    expect(work.page()).toBe(true);
    // The store stops answering this node: its lease runs out at its own deadline.
    leases.cut(true);
    await time.advance(1000);
    await a.tick();
    expect(work.page()).toBe(true);
    await time.advance(2000);
    await a.tick();
    expect(work.page()).toBe(false);
    leases.cut(false);
    // Another node may take over now: this one's work has stopped.
    const b = candidate('b');
    await time.advance(1);
    expect(await b.leadership.tick()).toBe(true);
    expect(work.page()).toBe(false);
    work.finish();
  });
});
