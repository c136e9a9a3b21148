import { illegalState, notFound, validationError } from '../../../../contracts/errors.ts';
import type { OfficialEvent, Post } from '../../../../contracts/events/index.ts';
import type { PostTerm } from '../../../../domain/posts-timeline.ts';
import { fieldChecker } from '../../../shared/checked-fields.ts';
import type { DecisionContext } from '../../../shared/decider.ts';
import { knownUnit } from '../../../shared/domain-rules.ts';
import type { OfficialCommand, OfficialCommandData } from './commands.ts';
import type { OfficialState, RegisteredOfficial } from './state.ts';

const withCheckedFields = fieldChecker('directory');

const registeredOfficial = (state: OfficialState, officialId: string): RegisteredOfficial => {
  if (!state.registered) throw notFound('officialId', `official ${officialId}`);
  return state;
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
      data: { officialId: data.officialId, name: data.name, title: data.title },
    },
  ];
};

const assignPost = (
  data: OfficialCommandData<'AssignPost'>,
  official: RegisteredOfficial,
): OfficialEvent[] => {
  const { post, from } = data;
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
  const { post, on } = data;
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

/**
 * The channels chosen must have their address: e-mail needs the e-mail, SMS and
 * the group robots (which @-mention by mobile) need the mobile.
 */
const changeContacts = (
  data: OfficialCommandData<'ChangeOfficialContacts'>,
  official: RegisteredOfficial,
): OfficialEvent[] => {
  const { email, mobile, channels } = data;
  if (channels.includes('email') && email === null) {
    throw validationError('channels', 'email needs an e-mail address');
  }
  const needMobile = channels.filter((channel) => channel !== 'email');
  if (needMobile.length > 0 && mobile === null) {
    throw validationError('channels', `${needMobile.join(', ')} need a mobile number`);
  }
  return [
    {
      type: 'OfficialContactsChanged',
      data: { officialId: official.officialId, email, mobile, channels: [...channels] },
    },
  ];
};

/** Commands about a registered official's posts: all but RegisterOfficial. */
type PostCommand = Exclude<OfficialCommand, { type: 'RegisterOfficial' }>;

const decideOnOfficial = (command: PostCommand, official: RegisteredOfficial): OfficialEvent[] => {
  switch (command.type) {
    case 'AssignPost':
      return assignPost(command.data, official);
    case 'VacatePost':
      return vacatePost(command.data, official);
    case 'ChangeOfficialContacts':
      return changeContacts(command.data, official);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown official command ${(_exhaustive as { type: string }).type}`);
    }
  }
};

/**
 * Decides an official command: the events it causes, or a DomainError. As for a
 * task, the official must exist before the command's fields are checked by its
 * declaration, and the fields before the command's own rules.
 */
export const decide = (
  command: OfficialCommand,
  state: OfficialState,
  _context: DecisionContext,
): OfficialEvent[] => {
  if (command.type === 'RegisterOfficial') {
    return registerOfficial(withCheckedFields(command).data, state);
  }
  const official = registeredOfficial(state, command.data.officialId);
  return decideOnOfficial(withCheckedFields(command), official);
};
