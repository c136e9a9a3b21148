import { auditProof, auditPublicKey, auditSearch, auditSign } from './audit.ts';
import {
  blockageBoard,
  officialRecords,
  officialTasks,
  overview,
  progressBoard,
  responsibilityBoard,
  resultsBoard,
  stageBoard,
  unitDeductions,
  unitFailedTasks,
} from './boards.ts';
import { runClock } from './clock.ts';
import type { CommandOperation, Operation } from './declare.ts';
import { internal } from './directory/internal.ts';
import { officialCommands, officials, postHolders } from './directory/officials.ts';
import { unitCommands, units } from './directory/units.ts';
import { myNotifications, notificationCommands, notifications } from './notifications.ts';
import { rulesetCommands, rulesetInForce, rulesets, workCalendar } from './rulesets.ts';
import { accountabilityCommands } from './tasks/accountability.ts';
import { blockageCommands } from './tasks/blockages.ts';
import { bonusCommands } from './tasks/bonuses.ts';
import { completionCommands } from './tasks/completion.ts';
import { extensionCommands } from './tasks/extensions.ts';
import { instructionCommands } from './tasks/instructions.ts';
import { lifecycleCommands } from './tasks/lifecycle.ts';
import { matterCommands } from './tasks/matters.ts';
import { milestoneCommands } from './tasks/milestones.ts';
import { noticeCommands } from './tasks/notices.ts';
import { task, taskHistory, tasks, tasksById } from './tasks/queries.ts';
import { registrationCommands } from './tasks/registration.ts';
import { resultCommands } from './tasks/results.ts';
import { splittingCommands } from './tasks/splitting.ts';
import { timeLimitCommands } from './tasks/time-limits.ts';
import { urgingCommands } from './tasks/urging.ts';

/**
 * Every operation of the system, once: who may call it, its input, what it
 * becomes and where it is served. The broker actions of the aggregates, the
 * GraphQL resolvers, the permission table and the console's permission panel
 * are derived from it. Nobody edits or deletes history: no operation here can.
 */
export const catalogue = {
  ...unitCommands,
  ...registrationCommands,
  ...milestoneCommands,
  ...blockageCommands,
  task,
  tasksById,
  tasks,
  units,
  taskHistory,
  ...lifecycleCommands,
  ...extensionCommands,
  ...completionCommands,
  ...resultCommands,
  ...noticeCommands,
  ...instructionCommands,
  ...accountabilityCommands,
  ...bonusCommands,
  ...urgingCommands,
  ...officialCommands,
  ...rulesetCommands,
  officials,
  postHolders,
  rulesets,
  rulesetInForce,
  workCalendar,
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
  unitDeductions,
  unitFailedTasks,
  officialTasks,
  officialRecords,
  overview,
  internal,
  ...notificationCommands,
  notifications,
  ...timeLimitCommands,
  ...matterCommands,
  ...splittingCommands,
  myNotifications,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof catalogue;

/** The operations an aggregate decides, by the service that runs them (`tasks`, `directory`, …). */
export const commandsOf = (service: string): [OperationName, CommandOperation][] =>
  (Object.entries(catalogue) as [OperationName, Operation][]).filter(
    (entry): entry is [OperationName, CommandOperation] =>
      'action' in entry[1] && entry[1].action.startsWith(`${service}.`),
  );
