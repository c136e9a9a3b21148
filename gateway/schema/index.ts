import { baseResolvers, baseTypeDefs } from './base.ts';
import { taskResolvers } from './tasks/resolvers.ts';
import { taskTypeDefs } from './tasks/type-defs.ts';

/** Every area of the schema: one module per area, each with its SDL and resolvers. */
export const typeDefs = [baseTypeDefs, taskTypeDefs];
export const resolvers = [baseResolvers, taskResolvers];
