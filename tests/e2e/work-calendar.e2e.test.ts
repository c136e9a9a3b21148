import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * The working-day calendar (工作日历): shipped for 2021 and 2026, published by the
 * office for other years as versions, read by every role.
 */

const read = `query($year: Int!) { workCalendar(year: $year) { year holidays workdays source version known } }`;
const publish = `mutation($input: PublishWorkCalendarInput!) { publishWorkCalendar(input: $input) { version } }`;

type Calendar = {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string | null;
  version: number | null;
  known: boolean;
};

describe('the working-day calendar', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem();
  });
  afterAll(() => sys.stop());

  const calendarOf = async (year: number) =>
    (await sys.gql<{ workCalendar: Calendar }>(read, { year }, await sys.token('leader'))).data
      ?.workCalendar;

  it('of 2021 and 2026 is shipped, from the State Council notices', async () => {
    const y2021 = await calendarOf(2021);
    expect(y2021).toMatchObject({ version: 0, known: true });
    expect(y2021?.holidays).toContain('2021-10-04');
    expect(y2021?.workdays).toContain('2021-10-09');
    expect(y2021?.source).toContain('2021年部分节假日安排');
    expect((await calendarOf(2026))?.holidays).toContain('2026-02-23');
  });

  it('of a year without one says so: weekends only', async () => {
    expect(await calendarOf(2031)).toMatchObject({ known: false, holidays: [], version: null });
  });

  it('is published by the office as versions of the year, the latest in force', async () => {
    const office = await sys.token('office');
    const input = {
      year: 2031,
      holidays: ['2031-10-02', '2031-10-01'],
      workdays: ['2031-09-28'],
      source: '国务院办公厅关于2031年部分节假日安排的通知',
    };
    const first = await sys.gql<{ publishWorkCalendar: { version: number } }>(
      publish,
      { input },
      office,
    );
    expect(first.data?.publishWorkCalendar.version).toBe(1);
    const second = await sys.gql<{ publishWorkCalendar: { version: number } }>(
      publish,
      { input: { ...input, holidays: [...input.holidays, '2031-10-03'] } },
      office,
    );
    expect(second.data?.publishWorkCalendar.version).toBe(2);
    expect(await calendarOf(2031)).toMatchObject({
      version: 2,
      known: true,
      holidays: ['2031-10-01', '2031-10-02', '2031-10-03'],
      workdays: ['2031-09-28'],
    });
  });

  it('refuses a weekday as a weekend day worked, a day of another year, and anyone but the office', async () => {
    const office = await sys.token('office');
    const input = { year: 2032, holidays: [], workdays: ['2032-10-08'], source: '通知' };
    const weekday = await sys.gql(publish, { input }, office);
    expect(weekday.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      field: 'workdays',
    });
    const elsewhere = await sys.gql(
      publish,
      { input: { ...input, workdays: [], holidays: ['2031-01-01'] } },
      office,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      field: 'holidays',
    });
    const leader = await sys.gql(
      publish,
      { input: { ...input, workdays: [] } },
      await sys.token('leader'),
    );
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await calendarOf(2032)).toMatchObject({ known: false });
  });
});
