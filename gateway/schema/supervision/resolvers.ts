/** Resolvers of the supervision year's task commands: each forwards to one tasks action. */
import { command } from '../forward.ts';

const mutations = [
  'signTask',
  'transferTask',
  'returnTask',
  'requestDeadlineExtension',
  'approveDeadlineExtension',
  'rejectDeadlineExtension',
  'reopenMilestone',
  'reportTaskCompletion',
  'acceptTaskCompletion',
  'rejectTaskCompletion',
  'suspendTask',
  'resumeTask',
  'terminateTask',
  'defineIndicator',
  'reportIndicatorValue',
  'issueSupervisionNotice',
  'answerSupervisionNotice',
  'issueLeadershipInstruction',
  'recordAccountability',
  'escalateBlockage',
  'assignBlockageCoordination',
  'reopenBlockage',
] as const;

export const supervisionResolvers = {
  Mutation: Object.fromEntries(mutations.map((name) => [name, command(`tasks.${name}`)])),
};
