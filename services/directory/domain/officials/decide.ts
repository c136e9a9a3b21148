import { illegalState, notFound, validationError } from '../../../../contracts/errors.ts';
import { type OfficialEvent, type Post, posts } from '../../../../contracts/events/index.ts';
import { limits } from '../../../../contracts/limits.ts';
import type { DecisionContext } from '../../../shared/decider.ts';
import { isoDate, knownUnit, newId, requiredText } from '../rules.ts';
import type { OfficialCommand, OfficialCommandData } from './commands.ts';
import type { PostTerm } from './posts-timeline.ts';
import type { OfficialState, RegisteredOfficial } from './state.ts';

const registeredOfficial = (state: OfficialState, officialId: string): RegisteredOfficial => {
  if (!state.registered) throw notFound('officialId', `official ${officialId}`);
  return state;
};

const validPost = (value: string): Post => {
  if (!(posts as readonly string[]).includes(value)) {
    throw validationError('post', `one of ${posts.join(', ')}`);
  }
  return value as Post;
};

const termsOf = (official: RegisteredOfficial, unitId: string, post: Post): PostTerm[] =>
  official.terms.filter((term) => term.unitId === unitId && term.post === post);

const openTerm = (official: RegisteredOfficial, unitId: string, post: Post): PostTerm | null =>
  termsOf(official, unitId, post).find((term) => term.vacatedOn === null) ?? null;

/** The day the post was last vacated, so a new term cannot overlap the old one. */
const lastVacatedOn = (official: RegisteredOfficial, unitId: string, post: Post): string | null =>
  termsOf(official, unitId, post).reduce<string | null>(
    (latest, term) =>
      term.vacatedOn !== null && (latest === null || term.vacatedOn > latest)
        ? term.vacatedOn
        : latest,
    null,
  );

const registerOfficial = (
  data: OfficialCommandData<'RegisterOfficial'>,
  state: OfficialState,
): OfficialEvent[] => {
  if (state.registered) {
    throw illegalState(`official ${data.officialId} is already registered`, 'officialId');
  }
  return [
    {
      type: 'OfficialRegistered',
      data: {
        officialId: newId('officialId', data.officialId),
        name: requiredText('name', data.name, limits.name),
        title: requiredText('title', data.title, limits.name),
      },
    },
  ];
};

const assignPost = (
  data: OfficialCommandData<'AssignPost'>,
  official: RegisteredOfficial,
): OfficialEvent[] => {
  const post = validPost(data.post);
  const from = isoDate('from', data.from);
  const unitId = knownUnit('unitId', data.unitId, data.knownUnitIds);
  const held = openTerm(official, unitId, post);
  if (held) {
    throw illegalState(
      `official ${official.officialId} already holds ${post} of ${unitId} since ${held.from}`,
      'post',
    );
  }
  const vacatedOn = lastVacatedOn(official, unitId, post);
  if (vacatedOn !== null && from < vacatedOn) {
    throw validationError('from', `must not be before ${vacatedOn}, when the post was vacated`);
  }
  return [{ type: 'PostAssigned', data: { officialId: official.officialId, unitId, post, from } }];
};

const vacatePost = (
  data: OfficialCommandData<'VacatePost'>,
  official: RegisteredOfficial,
): OfficialEvent[] => {
  const post = validPost(data.post);
  const on = isoDate('on', data.on);
  const held = openTerm(official, data.unitId, post);
  if (!held) {
    throw illegalState(
      `official ${official.officialId} does not hold ${post} of ${data.unitId}`,
      'post',
    );
  }
  if (on < held.from) {
    throw validationError('on', `must not be before ${held.from}, when the post was assigned`);
  }
  return [
    {
      type: 'PostVacated',
      data: { officialId: official.officialId, unitId: held.unitId, post, on },
    },
  ];
};

/** Decides an official command: the events it causes, or a DomainError. */
export const decide = (
  command: OfficialCommand,
  state: OfficialState,
  _context: DecisionContext,
): OfficialEvent[] => {
  switch (command.type) {
    case 'RegisterOfficial':
      return registerOfficial(command.data, state);
    case 'AssignPost':
      return assignPost(command.data, registeredOfficial(state, command.data.officialId));
    case 'VacatePost':
      return vacatePost(command.data, registeredOfficial(state, command.data.officialId));
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown official command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
