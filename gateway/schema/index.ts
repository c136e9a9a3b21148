import { auditResolvers } from './audit/resolvers.ts';
import { auditTypeDefs } from './audit/type-defs.ts';
import { baseResolvers, baseTypeDefs } from './base.ts';
import { boardResolvers } from './boards/resolvers.ts';
import { boardTypeDefs } from './boards/type-defs.ts';
import { clockLightTypeDefs } from './clock/lights.ts';
import { timeLimitRuleResolvers, timeLimitRuleTypeDefs } from './clock/time-limits.ts';
import { clockTypeDefs } from './clock/type-defs.ts';
import { commonTypeDefs } from './common.ts';
import { directoryTypeDefs } from './directory/type-defs.ts';
import { unitTypeDefs } from './directory/units.ts';
import { enumValueResolvers } from './enum-values.ts';
import { catalogueResolvers } from './forward.ts';
import { notificationResolvers } from './notifications/resolvers.ts';
import { notificationTypeDefs } from './notifications/type-defs.ts';
import { taskTypeDefs } from './tasks/index.ts';
import { matterResolvers } from './tasks/matter-resolvers.ts';
import { taskResolvers } from './tasks/resolvers.ts';

/**
 * Every area of the schema, each with its SDL; the root fields resolve from the
 * catalogue (`contracts/catalogue`), each forwarding to the action it declares.
 */
export const typeDefs = [
  baseTypeDefs,
  commonTypeDefs,
  ...taskTypeDefs,
  unitTypeDefs,
  directoryTypeDefs,
  auditTypeDefs,
  boardTypeDefs,
  clockTypeDefs,
  notificationTypeDefs,
  timeLimitRuleTypeDefs,
  clockLightTypeDefs,
];
export const resolvers = [
  baseResolvers,
  catalogueResolvers(),
  taskResolvers,
  boardResolvers,
  auditResolvers,
  notificationResolvers,
  timeLimitRuleResolvers,
  enumValueResolvers(typeDefs),
  matterResolvers,
];
