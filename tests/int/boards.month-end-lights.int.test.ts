import { rmSync } from 'node:fs';
import path from 'node:path';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { allProjections } from '../../projections/index.ts';
import { dayLightsCollection } from '../../services/boards/as-of/day-lights-source.ts';
import { keepMonthEndLights } from '../../services/boards/as-of/month-end-lights.ts';
import { lightsFromLog } from '../../services/boards/as-of/replay-lights.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import { lastLogDay } from '../../services/projector/versions.ts';
import { appendReport, generatedDataDir } from '../support/generated-log.ts';

/*
 * After a rebuild, the overview chart's points of the month ends the log has
 * gone past are computed from the kept versions and kept, as the log says
 * they are; a month end an event reached late is left to be computed when asked.
 */

let dir: string;

beforeAll(async () => {
  dir = await generatedDataDir('dubanju-month-ends-', 3000);
}, 90_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const monthEnds = [
  '2021-01-31',
  '2021-02-28',
  '2021-03-31',
  '2021-04-30',
  '2021-05-31',
  '2021-06-30',
  '2021-07-31',
  '2021-08-31',
  '2021-09-30',
  '2021-10-31',
  '2021-11-30',
];

describe('the overview chart’s month ends, kept after a rebuild', () => {
  it('are kept as the log says, late days left out, and not computed twice', async () => {
    const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
    try {
      expect(await lastLogDay(readModels)).toMatch(/^2021-12-/);
      expect(await keepMonthEndLights(readModels, eventStore)).toEqual(monthEnds);
      const kept = await readModels.getMany(dayLightsCollection, monthEnds);
      const replayed = await lightsFromLog(eventStore, monthEnds);
      expect(replayed.map((lights) => lights.day)).toEqual(monthEnds);
      for (const lights of replayed) {
        const { id: _, ...stored } = kept.get(lights.day) as Record<string, unknown>;
        expect(stored).toEqual(lights);
      }
      expect(await keepMonthEndLights(readModels, eventStore)).toEqual([]);

      // A report recorded on 31 May, appended at the end of the log: every day
      // from then on is reached late, and its lights are computed when asked.
      await appendReport(eventStore, '2021-05-31T03:00:00.000Z');
      await rebuildReadModels({ eventStore, readModels, projections: allProjections });
      expect(await keepMonthEndLights(readModels, eventStore)).toEqual(monthEnds.slice(0, 4));
      const after = await readModels.getMany(dayLightsCollection, monthEnds);
      expect([...after.keys()].sort()).toEqual(monthEnds.slice(0, 4));
    } finally {
      await readModels.close();
      await eventStore.close();
    }
  }, 120_000);
});
