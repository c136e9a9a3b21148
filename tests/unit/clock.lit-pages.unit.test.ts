import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { clockAgendaCollection } from '../../projections/clock-agenda/projection.ts';
import { litAgendaPages } from '../../services/supervision/clock/sources.ts';

/** Agenda documents as the clock's queries see them: only the fields they filter on. */
const agendaDoc = (id: string, fields: { lit?: boolean; suspended?: boolean } = {}) => ({
  collection: clockAgendaCollection,
  id,
  doc: { id, taskId: id, terminated: false, suspended: false, lit: true, ...fields },
});

const store = async () => {
  const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
  const ids = Array.from({ length: 7 }, (_, k) => `t${k}`);
  await readModels.commit(
    'clock-agenda',
    [
      ...ids.map((id) => agendaDoc(id)),
      agendaDoc('t-done', { lit: false }),
      agendaDoc('t-suspended', { suspended: true }),
    ],
    { from: 0, to: 1 },
  );
  return readModels;
};

const pagesOf = async (pages: AsyncGenerator<{ id: string }[]>) => {
  const out: string[][] = [];
  for await (const page of pages) out.push(page.map((item) => item.id));
  return out;
};

describe("the clock's pages of running tasks whose light may change", () => {
  it('reads every lit running task once, in id order, a page at a time, less those read with the agenda', async () => {
    const readModels = await store();
    const pages = await pagesOf(litAgendaPages(readModels, new Set(['t3']), 3));
    expect(pages).toEqual([['t0', 't1', 't2'], ['t4', 't5'], ['t6']]);
    await readModels.close();
  });

  it('gives the event loop its turn between pages, so other requests are answered meanwhile', async () => {
    const readModels = await store();
    // Another piece of work, taking one turn of the loop at a time.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const pagesSeen: number[] = [];
    for await (const _ of litAgendaPages(readModels, new Set(), 2)) pagesSeen.push(turns);
    ticking = false;
    // Four pages (7 tasks, 2 a page): the loop turned between each, where one
    // read of all at once would hold it throughout.
    expect(pagesSeen).toHaveLength(4);
    expect(pagesSeen.at(-1)).toBeGreaterThan(pagesSeen[0]!);
    await readModels.close();
  });
});
