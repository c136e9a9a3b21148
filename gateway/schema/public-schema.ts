import { createSchema } from 'graphql-yoga';
import { consoleTypeDefs } from './console/type-defs.ts';
import { resolvers, typeDefs } from './index.ts';

/** The SDL the gateway serves (`gateway/server.ts`): every area's, then the console's. */
export const publicTypeDefs = [...typeDefs, consoleTypeDefs];

/**
 * The schema as the gateway builds it, to read its types and descriptions
 * without a broker. The console's resolvers, which need one, are left out: they
 * resolve root fields and change no type, whereas the scalars' resolvers do
 * (they carry the scalars' descriptions and `specifiedByURL`).
 */
export const buildPublicSchema = () => createSchema({ typeDefs: publicTypeDefs, resolvers });
