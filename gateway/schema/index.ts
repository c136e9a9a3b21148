import { auditResolvers } from './audit/resolvers.ts';
import { auditTypeDefs } from './audit/type-defs.ts';
import { baseResolvers, baseTypeDefs } from './base.ts';
import { boardResolvers } from './boards/resolvers.ts';
import { boardTypeDefs } from './boards/type-defs.ts';
import { clockResolvers } from './clock/resolvers.ts';
import { clockTypeDefs } from './clock/type-defs.ts';
import { directoryResolvers } from './directory/resolvers.ts';
import { directoryTypeDefs } from './directory/type-defs.ts';
import { supervisionResolvers } from './supervision/resolvers.ts';
import { supervisionTypeDefs } from './supervision/type-defs.ts';
import { taskResolvers } from './tasks/resolvers.ts';
import { taskTypeDefs } from './tasks/type-defs.ts';

/** Every area of the schema: one module per area, each with its SDL and resolvers. */
export const typeDefs = [
  baseTypeDefs,
  taskTypeDefs,
  auditTypeDefs,
  boardTypeDefs,
  clockTypeDefs,
  supervisionTypeDefs,
  directoryTypeDefs,
];
export const resolvers = [
  baseResolvers,
  taskResolvers,
  auditResolvers,
  boardResolvers,
  clockResolvers,
  supervisionResolvers,
  directoryResolvers,
];
