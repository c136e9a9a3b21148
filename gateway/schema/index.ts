import { auditTypeDefs } from './audit/type-defs.ts';
import { baseResolvers, baseTypeDefs } from './base.ts';
import { boardTypeDefs } from './boards/type-defs.ts';
import { clockTypeDefs } from './clock/type-defs.ts';
import { directoryTypeDefs } from './directory/type-defs.ts';
import { catalogueResolvers } from './forward.ts';
import { supervisionTypeDefs } from './supervision/type-defs.ts';
import { taskResolvers } from './tasks/resolvers.ts';
import { taskTypeDefs } from './tasks/type-defs.ts';

/**
 * Every area of the schema, each with its SDL; the root fields resolve from the
 * catalogue (`contracts/catalogue`), each forwarding to the action it declares.
 */
export const typeDefs = [
  baseTypeDefs,
  taskTypeDefs,
  auditTypeDefs,
  boardTypeDefs,
  clockTypeDefs,
  supervisionTypeDefs,
  directoryTypeDefs,
];
export const resolvers = [baseResolvers, catalogueResolvers(), taskResolvers];
