import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dayOf } from '../../contracts/dates.ts';
import type { TaskEventOf } from '../../contracts/events/task-events.ts';
import { days } from '../../demo/calendar.ts';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { calendarsInForce } from '../../domain/calendar/state-council.ts';
import { isWorkingDay } from '../../domain/calendar/work-calendar.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { loadConfig } from '../../infra/config/config.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { passOverDays } from '../../services/boards/as-of/day-pass.ts';
import { boardView } from '../../services/boards/build/board-view.ts';
import { publishedNear } from '../../services/shared/published-calendars.ts';
import { clockActor } from '../../services/supervision/clock/commands.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

type Colour = 'green' | 'yellow' | 'red';
type Change = TaskEventOf<'TaskLightChanged'>['data'];

const readAll = async (eventStore: EventStore): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, limit: 5000 });
    all.push(...page);
    if (page.length < 5000) return all;
    after = page.at(-1)?.position ?? after;
  }
};

/** Per task: its light changes in order, and the days someone other than the clock acted on it. */
const taskFacts = (events: readonly StoredEvent[]) => {
  const changes = new Map<string, Change[]>();
  const busy = new Map<string, Set<string>>();
  for (const event of events) {
    const taskId = (event.data as { taskId?: unknown }).taskId;
    if (!event.streamId.startsWith('task-') || typeof taskId !== 'string') continue;
    if (event.type === 'TaskLightChanged') {
      changes.set(taskId, [...(changes.get(taskId) ?? []), event.data as Change]);
    } else if (event.metadata.actor.id !== clockActor.id) {
      busy.set(taskId, (busy.get(taskId) ?? new Set()).add(dayOf(event.recordedAt)));
    }
  }
  return { changes, busy };
};

/** The light recorded for a task on `day`: its last change on or before it, green before any. */
const recordedOn = (changes: readonly Change[], day: string): Colour =>
  changes.filter((change) => change.day <= day).at(-1)?.to ?? 'green';

/**
 * The rule verified, on the demo year of the 2021 plan (the clock run every
 * morning, before the day's commands): for every task on the boards and not
 * suspended at the end of a working day D, on which nobody but the clock
 * recorded an event of the task, the light recorded for D (the last
 * TaskLightChanged on or before D, green before any) is the light the boards
 * judge for the end of D. The boards may then read it instead of judging.
 */
describe('the lights the clock records over the demo year', () => {
  let sys: TestSystem;
  let events: StoredEvent[];

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-lights-'));
    await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    sys = await startTestSystem(
      { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0', SERVICES: 'projector' },
      { dataDir, clock: settableClock(demoNow) },
    );
    events = await readAll(sys.system.stores.eventStore);
  }, 120_000);
  afterAll(() => sys.stop());

  it('are changes only: each from the light recorded before, at most one a task a day', () => {
    const { changes } = taskFacts(events);
    expect(changes.size).toBeGreaterThan(0);
    for (const [taskId, list] of changes) {
      list.forEach((change, index) => {
        const before = index === 0 ? 'green' : list[index - 1]?.to;
        expect({ taskId, day: change.day, from: change.from }).toEqual({
          taskId,
          day: change.day,
          from: before,
        });
        expect(change.to).not.toBe(change.from);
        if (index > 0) expect(change.day > (list[index - 1]?.day ?? '')).toBe(true);
      });
    }
    const seen = new Set([...changes.values()].flat().map((change) => change.to));
    expect(seen).toEqual(new Set(['green', 'yellow', 'red']));
  });

  it('equal the boards’ lights at the end of every working day no one else acted on the task', async () => {
    const { eventStore } = sys.system.stores;
    const calendars = calendarsInForce(await publishedNear(eventStore, '2021-06-30'));
    const workingDays = days('2021-01-05', '2021-12-31').filter((day) =>
      isWorkingDay(calendars, day),
    );
    const judged = await passOverDays(eventStore, workingDays, (input) => ({
      day: input.day,
      lights: new Map(
        boardView(input).tasks.map((facts) => {
          const { lit, reasons, actual, expected } = facts;
          return [facts.task.id, { lit, reasons, actual, expected }] as const;
        }),
      ),
    }));
    expect(judged.late).toEqual([]);
    const { changes, busy } = taskFacts(events);
    const mismatches: string[] = [];
    let compared = 0;
    for (const { day, lights } of judged.values) {
      for (const [taskId, { lit, ...judgement }] of lights) {
        if (lit === null || busy.get(taskId)?.has(day)) continue;
        compared += 1;
        const list = changes.get(taskId) ?? [];
        const recorded = recordedOn(list, day);
        if (recorded !== lit)
          mismatches.push(`${taskId} ${day}: recorded ${recorded}, judged ${lit}`);
        // A change of the day says why as the boards do, with the same progress.
        const change = list.find((entry) => entry.day === day);
        if (change) {
          const { reasons, actual, expected } = change;
          expect({ taskId, day, reasons, actual, expected }).toEqual({ taskId, day, ...judgement });
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Some 240 working days of some 30 tasks: the rule is held to thousands of task-days.
    expect(compared).toBeGreaterThan(3000);
  });
});
