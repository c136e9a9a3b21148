import type { OfficialEvent, Post } from '../../contracts/events/index.ts';
import { holderOn, holdersOn, postsHeldOn, postsTimeline } from '../../domain/posts-timeline.ts';

const registered = (officialId: string): OfficialEvent => ({
  type: 'OfficialRegistered',
  data: { officialId, name: officialId, title: '副区长' },
});

const assigned = (officialId: string, from: string, post: Post = 'main_leader', unitId = 'edu') =>
  ({ type: 'PostAssigned', data: { officialId, unitId, post, from } }) as const;

const vacated = (officialId: string, on: string, post: Post = 'main_leader', unitId = 'edu') =>
  ({ type: 'PostVacated', data: { officialId, unitId, post, on } }) as const;

describe('the posts timeline', () => {
  it('holds one term per assignment, closed by its vacating', () => {
    const timeline = postsTimeline([
      registered('li'),
      assigned('li', '2021-01-01'),
      registered('zhao'),
      vacated('li', '2021-06-30'),
      assigned('zhao', '2021-06-30'),
    ]);
    expect(timeline).toEqual([
      {
        officialId: 'li',
        unitId: 'edu',
        post: 'main_leader',
        from: '2021-01-01',
        vacatedOn: '2021-06-30',
      },
      {
        officialId: 'zhao',
        unitId: 'edu',
        post: 'main_leader',
        from: '2021-06-30',
        vacatedOn: null,
      },
    ]);
  });

  it('closes only the vacated post of that official in that unit', () => {
    const timeline = postsTimeline([
      assigned('li', '2021-01-01', 'main_leader', 'edu'),
      assigned('li', '2021-01-01', 'main_leader', 'env'),
      assigned('li', '2021-01-01', 'contact', 'edu'),
      assigned('zhao', '2021-01-01', 'contact', 'edu'),
      vacated('li', '2021-03-01', 'main_leader', 'edu'),
    ]);
    expect(timeline.map((term) => term.vacatedOn)).toEqual(['2021-03-01', null, null, null]);
  });

  it('keeps an earlier, closed term when the post is held again', () => {
    const timeline = postsTimeline([
      assigned('li', '2021-01-01'),
      vacated('li', '2021-03-01'),
      assigned('li', '2021-05-01'),
      vacated('li', '2021-07-01'),
    ]);
    expect(timeline.map((term) => [term.from, term.vacatedOn])).toEqual([
      ['2021-01-01', '2021-03-01'],
      ['2021-05-01', '2021-07-01'],
    ]);
  });
});

describe('who held a post on a date', () => {
  const history = postsTimeline([
    assigned('li', '2021-01-10'),
    vacated('li', '2021-06-30'),
    assigned('zhao', '2021-06-30'),
  ]);

  it.each<[string, string | null, string]>([
    ['2021-01-09', null, 'the day before the first term'],
    ['2021-01-10', 'li', 'the first day of a term (from)'],
    ['2021-06-29', 'li', 'the last day before it was vacated'],
    ['2021-06-30', 'zhao', 'the day it was vacated, the successor from that day'],
    ['2021-12-31', 'zhao', 'any later day of a term never vacated'],
  ])('on %s is %s: %s', (date, holder) => {
    expect(holderOn(history, 'edu', 'main_leader', date)).toBe(holder);
  });

  it('is nobody on the day a post was vacated without a successor', () => {
    const alone = postsTimeline([assigned('li', '2021-01-10'), vacated('li', '2021-06-30')]);
    expect(holderOn(alone, 'edu', 'main_leader', '2021-06-29')).toBe('li');
    expect(holderOn(alone, 'edu', 'main_leader', '2021-06-30')).toBeNull();
  });

  it('is nobody for a term vacated on its first day', () => {
    const none = postsTimeline([assigned('li', '2021-03-01'), vacated('li', '2021-03-01')]);
    expect(holderOn(none, 'edu', 'main_leader', '2021-03-01')).toBeNull();
  });

  it('does not confuse posts or units', () => {
    expect(holderOn(history, 'edu', 'unit_head', '2021-03-01')).toBeNull();
    expect(holderOn(history, 'env', 'main_leader', '2021-03-01')).toBeNull();
  });

  it('is the latest assigned when an earlier holder was never vacated', () => {
    const overlapping = postsTimeline([
      assigned('li', '2021-01-01'),
      assigned('zhao', '2021-04-01'),
    ]);
    expect(holderOn(overlapping, 'edu', 'main_leader', '2021-03-31')).toBe('li');
    expect(holderOn(overlapping, 'edu', 'main_leader', '2021-04-01')).toBe('zhao');
    expect(holdersOn(overlapping, 'edu', 'main_leader', '2021-04-01')).toEqual(['zhao', 'li']);
  });

  it('lists every contact holding the post, the latest first', () => {
    const contacts = postsTimeline([
      assigned('a', '2021-01-01', 'contact'),
      assigned('b', '2021-02-01', 'contact'),
      assigned('c', '2021-02-01', 'contact'),
    ]);
    expect(holdersOn(contacts, 'edu', 'contact', '2021-03-01')).toEqual(['c', 'b', 'a']);
  });
});

describe('the posts an official held on a date', () => {
  const history = postsTimeline([
    assigned('li', '2021-01-01', 'responsible_leader', 'edu'),
    assigned('li', '2021-02-01', 'responsible_leader', 'env'),
    vacated('li', '2021-05-01', 'responsible_leader', 'edu'),
    assigned('zhao', '2021-01-01', 'main_leader', 'edu'),
  ]);

  it('are those begun by then and not yet vacated', () => {
    const units = (date: string) => postsHeldOn(history, 'li', date).map((term) => term.unitId);
    expect(units('2020-12-31')).toEqual([]);
    expect(units('2021-01-31')).toEqual(['edu']);
    expect(units('2021-04-30')).toEqual(['edu', 'env']);
    expect(units('2021-05-01')).toEqual(['env']);
  });
});
