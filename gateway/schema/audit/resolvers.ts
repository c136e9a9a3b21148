/** Resolvers of the audit area: each field forwards to one action of the audit service. */
import type { Args } from '../forward.ts';
import { query } from '../forward.ts';

/** The filter's fields travel flat beside the page arguments. */
const historyParams = (args: Args): Args => ({
  ...((args.filter as Args | null | undefined) ?? {}),
  first: args.first,
  after: args.after,
});

export const auditResolvers = {
  Query: {
    inclusionProof: query('audit.inclusionProof'),
    consistencyProof: query('audit.consistencyProof'),
    treeHead: query('audit.treeHead'),
    latestTreeHead: query('audit.latestTreeHead'),
    auditPublicKey: query('audit.publicKey'),
    auditHistory: query('audit.searchHistory', historyParams),
  },
  Mutation: {
    // No input: a retried signing signs the tree as it then stands, which is harmless.
    signTreeHead: query('audit.signTreeHead'),
  },
};
