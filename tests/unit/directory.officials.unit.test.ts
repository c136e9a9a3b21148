import type { OfficialEvent, Post } from '../../contracts/events/index.ts';
import type { OfficialCommand } from '../../services/directory/domain/officials/commands.ts';
import { officialDecider } from '../../services/directory/domain/officials/decider.ts';
import { given } from './support/given-when-then.ts';

const officialId = 'wang-fqz';

const registerOfficial = (name = '王伟', title = '副区长', id = officialId): OfficialCommand => ({
  type: 'RegisterOfficial',
  data: { officialId: id, name, title },
});

const assignPost = (
  from = '2021-01-01',
  post: Post = 'responsible_leader',
  unitId = 'edu',
  knownUnitIds = ['edu', 'env'],
): OfficialCommand => ({
  type: 'AssignPost',
  data: { officialId, unitId, post, from, knownUnitIds },
});

const vacatePost = (
  on = '2021-06-30',
  post: Post = 'responsible_leader',
  unitId = 'edu',
): OfficialCommand => ({ type: 'VacatePost', data: { officialId, unitId, post, on } });

const registered: OfficialEvent = {
  type: 'OfficialRegistered',
  data: { officialId, name: '王伟', title: '副区长' },
};

const assigned = (
  from = '2021-01-01',
  post: Post = 'responsible_leader',
  unitId = 'edu',
): OfficialEvent => ({ type: 'PostAssigned', data: { officialId, unitId, post, from } });

const vacated = (
  on = '2021-06-30',
  post: Post = 'responsible_leader',
  unitId = 'edu',
): OfficialEvent => ({ type: 'PostVacated', data: { officialId, unitId, post, on } });

describe('registering an official', () => {
  it('records the name and title trimmed', () => {
    given(officialDecider, []).when(registerOfficial(' 王伟 ', ' 副区长 ')).then([registered]);
  });

  it('happens only once', () => {
    given(officialDecider, [registered])
      .when(registerOfficial())
      .thenThrows('ILLEGAL_STATE', 'officialId');
  });

  it('needs a name', () => {
    given(officialDecider, []).when(registerOfficial('  ')).thenThrows('VALIDATION', 'name');
  });

  it('needs a title', () => {
    given(officialDecider, []).when(registerOfficial('王伟', '')).thenThrows('VALIDATION', 'title');
  });

  it('refuses a name longer than the limit', () => {
    given(officialDecider, [])
      .when(registerOfficial('x'.repeat(101)))
      .thenThrows('VALIDATION', 'name');
  });

  it('needs an official id fit for a stream id', () => {
    given(officialDecider, [])
      .when(registerOfficial('王伟', '副区长', 'a/b'))
      .thenThrows('VALIDATION', 'officialId');
  });
});

describe('assigning a post', () => {
  it.each(['main_leader', 'responsible_leader', 'unit_head', 'contact'] as const)(
    'records the %s post from its first day',
    (post) => {
      given(officialDecider, [registered])
        .when(assignPost('2021-01-01', post))
        .then([assigned('2021-01-01', post)]);
    },
  );

  it('needs a registered official', () => {
    given(officialDecider, []).when(assignPost()).thenThrows('NOT_FOUND', 'officialId');
  });

  it('needs a unit the directory knows', () => {
    given(officialDecider, [registered])
      .when(assignPost('2021-01-01', 'unit_head', 'nowhere'))
      .thenThrows('NOT_FOUND', 'unitId');
  });

  it('refuses a post that is not one of the four', () => {
    given(officialDecider, [registered])
      .when(assignPost('2021-01-01', 'mayor' as Post))
      .thenThrows('VALIDATION', 'post');
  });

  it.each(['2021-02-30', '2021-1-1', '1999-12-31'])('refuses from %s', (from) => {
    given(officialDecider, [registered]).when(assignPost(from)).thenThrows('VALIDATION', 'from');
  });

  it('refuses a post the official already holds', () => {
    given(officialDecider, [registered, assigned()])
      .when(assignPost('2021-03-01'))
      .thenThrows('ILLEGAL_STATE', 'post');
  });

  it('allows the same post in another unit', () => {
    given(officialDecider, [registered, assigned()])
      .when(assignPost('2021-03-01', 'responsible_leader', 'env'))
      .then([assigned('2021-03-01', 'responsible_leader', 'env')]);
  });

  it('allows another post in the same unit', () => {
    given(officialDecider, [registered, assigned()])
      .when(assignPost('2021-03-01', 'contact'))
      .then([assigned('2021-03-01', 'contact')]);
  });
});

describe('assigning a post again after it was vacated', () => {
  const history = [registered, assigned(), vacated('2021-06-30')];

  it('is recorded from the day it was vacated', () => {
    given(officialDecider, history)
      .when(assignPost('2021-06-30'))
      .then([assigned('2021-06-30')]);
  });

  it('is refused from a day before, as the terms would overlap', () => {
    given(officialDecider, history).when(assignPost('2021-06-29')).thenThrows('VALIDATION', 'from');
  });
});

describe('vacating a post', () => {
  it('records the day the post is no longer held', () => {
    given(officialDecider, [registered, assigned()]).when(vacatePost()).then([vacated()]);
  });

  it('may fall on the day the post was assigned', () => {
    given(officialDecider, [registered, assigned('2021-03-01')])
      .when(vacatePost('2021-03-01'))
      .then([vacated('2021-03-01')]);
  });

  it('may not fall before the day the post was assigned', () => {
    given(officialDecider, [registered, assigned('2021-03-01')])
      .when(vacatePost('2021-02-28'))
      .thenThrows('VALIDATION', 'on');
  });

  it('needs a post the official holds', () => {
    given(officialDecider, [registered, assigned()])
      .when(vacatePost('2021-06-30', 'main_leader'))
      .thenThrows('ILLEGAL_STATE', 'post');
  });

  it('needs the post held in that unit', () => {
    given(officialDecider, [registered, assigned()])
      .when(vacatePost('2021-06-30', 'responsible_leader', 'env'))
      .thenThrows('ILLEGAL_STATE', 'post');
  });

  it('cannot happen twice', () => {
    given(officialDecider, [registered, assigned(), vacated()])
      .when(vacatePost('2021-07-01'))
      .thenThrows('ILLEGAL_STATE', 'post');
  });

  it('needs a registered official', () => {
    given(officialDecider, []).when(vacatePost()).thenThrows('NOT_FOUND', 'officialId');
  });

  it('needs a valid date', () => {
    given(officialDecider, [registered, assigned()])
      .when(vacatePost('2021-06-31'))
      .thenThrows('VALIDATION', 'on');
  });
});
