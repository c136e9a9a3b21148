import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { clockAgendaCollection } from '../../projections/clock-agenda/projection.ts';
import { agendaPages } from '../../services/supervision/clock/sources.ts';
import { loopTurns } from './support/loop-turns.ts';

/** Agenda documents as the clock's queries see them: only the fields they filter on. */
const agendaDoc = (
  id: string,
  fields: { lit?: boolean; suspended?: boolean; watching?: boolean } = {},
) => ({
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
      ...ids.map((id) => agendaDoc(id, { watching: id === 't3' })),
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

const pages = (readModels: Awaited<ReturnType<typeof store>>, size: number) =>
  agendaPages(readModels, '2021-03-01', defaultRuleset, shippedCalendars, size);

describe("the clock's agenda, page by page", () => {
  it('reads what falls due, then every other lit running task, each once, in id order, a page at a time', async () => {
    const readModels = await store();
    // t3 has a time limit watched: read with what falls due, not again with the lights.
    expect(await pagesOf(pages(readModels, 3))).toEqual([
      ['t3'],
      ['t0', 't1', 't2'],
      ['t4', 't5'],
      ['t6'],
    ]);
    await readModels.close();
  });

  it('gives the event loop its turn between pages, so other requests are answered meanwhile', async () => {
    const readModels = await store();
    const loop = loopTurns();
    const pagesSeen: number[] = [];
    for await (const _ of pages(readModels, 2)) pagesSeen.push(loop.turns());
    loop.stop();
    // t3 (watched), then the six other lit tasks two a page: the loop turned
    // between the pages of a query, where one read of all would hold it throughout.
    expect(pagesSeen).toHaveLength(5);
    expect(pagesSeen.at(-1)).toBeGreaterThan(pagesSeen[0]!);
    await readModels.close();
  });
});
