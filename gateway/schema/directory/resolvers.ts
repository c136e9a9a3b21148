/** Resolvers of the directory area: each field forwards to one directory or rules action. */
import { command, query } from '../forward.ts';

export const directoryResolvers = {
  Query: {
    officials: query('directory.officials'),
    postHolders: query('directory.holders'),
    rulesets: query('rules.rulesets'),
    rulesetInForce: query('rules.inForce'),
  },
  Mutation: {
    registerOfficial: command('directory.registerOfficial'),
    assignPost: command('directory.assignPost'),
    vacatePost: command('directory.vacatePost'),
    publishRuleset: command('rules.publishRuleset'),
  },
};
