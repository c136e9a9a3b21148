import { auditProof, auditPublicKey, auditSearch, auditSign } from './audit.ts';
import {
  blockageBoard,
  overview,
  progressBoard,
  responsibilityBoard,
  resultsBoard,
  stageBoard,
} from './boards.ts';
import { runClock } from './clock.ts';
import type { CommandOperation, Operation } from './declare.ts';
import { internal } from './directory/internal.ts';
import {
  assignPost,
  officials,
  postHolders,
  registerOfficial,
  vacatePost,
} from './directory/officials.ts';
import { registerUnit, units } from './directory/units.ts';
import { publishRuleset, rulesetInForce, rulesets } from './rulesets.ts';
import { recordAccountability } from './tasks/accountability.ts';
import {
  assignBlockageCoordination,
  escalateBlockage,
  reopenBlockage,
  reportBlockage,
  resolveBlockage,
} from './tasks/blockages.ts';
import {
  acceptTaskCompletion,
  rejectTaskCompletion,
  reportTaskCompletion,
} from './tasks/completion.ts';
import {
  approveDeadlineExtension,
  rejectDeadlineExtension,
  requestDeadlineExtension,
} from './tasks/extensions.ts';
import { issueLeadershipInstruction } from './tasks/instructions.ts';
import {
  resumeTask,
  returnTask,
  signTask,
  suspendTask,
  terminateTask,
  transferTask,
} from './tasks/lifecycle.ts';
import {
  completeMilestone,
  planMilestone,
  reopenMilestone,
  reportProgress,
} from './tasks/milestones.ts';
import { answerSupervisionNotice, issueSupervisionNotice } from './tasks/notices.ts';
import { task, taskHistory, tasks } from './tasks/queries.ts';
import { assignTask, registerTask } from './tasks/registration.ts';
import { defineIndicator, reportIndicatorValue } from './tasks/results.ts';
import { urgeTask } from './tasks/urging.ts';

/**
 * Every operation of the system, once: who may call it, its input, what it
 * becomes and where it is served. The broker actions of the aggregates, the
 * GraphQL resolvers, the permission table and the console's permission panel
 * are derived from it. Nobody edits or deletes history: no operation here can.
 */
export const catalogue = {
  registerUnit,
  registerTask,
  assignTask,
  planMilestone,
  reportProgress,
  completeMilestone,
  reportBlockage,
  resolveBlockage,
  task,
  tasks,
  units,
  taskHistory,
  signTask,
  transferTask,
  returnTask,
  requestDeadlineExtension,
  approveDeadlineExtension,
  rejectDeadlineExtension,
  reopenMilestone,
  reportTaskCompletion,
  acceptTaskCompletion,
  rejectTaskCompletion,
  suspendTask,
  resumeTask,
  terminateTask,
  defineIndicator,
  reportIndicatorValue,
  issueSupervisionNotice,
  answerSupervisionNotice,
  issueLeadershipInstruction,
  recordAccountability,
  escalateBlockage,
  assignBlockageCoordination,
  reopenBlockage,
  urgeTask,
  registerOfficial,
  assignPost,
  vacatePost,
  publishRuleset,
  officials,
  postHolders,
  rulesets,
  rulesetInForce,
  auditSearch,
  auditProof,
  auditPublicKey,
  auditSign,
  runClock,
  responsibilityBoard,
  stageBoard,
  blockageBoard,
  progressBoard,
  resultsBoard,
  overview,
  internal,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof catalogue;

/** The operations an aggregate decides, by the service that runs them (`tasks`, `directory`, …). */
export const commandsOf = (service: string): [OperationName, CommandOperation][] =>
  (Object.entries(catalogue) as [OperationName, Operation][]).filter(
    (entry): entry is [OperationName, CommandOperation] =>
      'action' in entry[1] && entry[1].action.startsWith(`${service}.`),
  );
