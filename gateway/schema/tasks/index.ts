import { accountabilityTypeDefs } from './accountability.ts';
import { blockageTypeDefs } from './blockages.ts';
import { bonusTypeDefs } from './bonuses.ts';
import { completionTypeDefs } from './completion.ts';
import { extensionTypeDefs } from './extensions.ts';
import { instructionTypeDefs } from './instructions.ts';
import { lifecycleTypeDefs } from './lifecycle.ts';
import { lightTypeDefs } from './lights.ts';
import { matterTypeDefs } from './matters.ts';
import { milestoneTypeDefs } from './milestones.ts';
import { noticeTypeDefs } from './notices.ts';
import { taskQueryTypeDefs } from './queries.ts';
import { registrationTypeDefs } from './registration.ts';
import { resultTypeDefs } from './results.ts';
import { splittingTypeDefs } from './splitting.ts';
import { timeLimitTypeDefs } from './time-limits.ts';
import { urgingTypeDefs } from './urging.ts';

/**
 * The task's SDL by the catalogue's areas (`contracts/catalogue/tasks/`), in its
 * order: each area's mutations with their inputs and payloads, and the parts of
 * the task page it owns. Fields may be added; none may change meaning.
 */
export const taskTypeDefs = [
  registrationTypeDefs,
  milestoneTypeDefs,
  extensionTypeDefs,
  blockageTypeDefs,
  lifecycleTypeDefs,
  completionTypeDefs,
  resultTypeDefs,
  noticeTypeDefs,
  instructionTypeDefs,
  accountabilityTypeDefs,
  bonusTypeDefs,
  urgingTypeDefs,
  taskQueryTypeDefs,
  timeLimitTypeDefs,
  matterTypeDefs,
  splittingTypeDefs,
  lightTypeDefs,
];
