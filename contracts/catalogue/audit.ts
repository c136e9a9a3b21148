import { z } from 'zod';
import { date, id } from '../fields.ts';
import { readers, type ServiceOperation, serviceCommand } from './declare.ts';

/** Audit (纪检监察): history search, Merkle proofs and signed tree heads. */

/** A tree size or a global position: whole and at least 1. */
const count = () =>
  z
    .number()
    .int('must be a whole number of at least 1')
    .min(1, 'must be a whole number of at least 1');
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = () =>
  z
    .string()
    .refine(
      (value) => isoTimestamp.test(value) && !Number.isNaN(Date.parse(value)),
      'must be an ISO timestamp such as 2021-03-01T08:00:00Z',
    );

export const inclusionProofInput = z.object({ position: count(), treeSize: count() });

export const consistencyProofInput = z.object({ fromSize: count(), toSize: count() });

export const treeHeadInput = z.object({ size: count() });

/** A page of signed heads, newest first: `first` of those below the tree size `before`. */
export const treeHeadsInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  after: z.string().max(200, 'must be a cursor returned by an earlier page').nullish(),
});

/** Audit history search: every filter given narrows the result; ranges include both ends. */
export const auditSearchInput = z.object({
  actorId: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .nullish(),
  unitId: id().nullish(),
  types: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be an event type name'))
    .max(50, 'must list at most 50 types')
    .nullish(),
  streamId: z
    .string()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .nullish(),
  recordedFrom: timestamp().nullish(),
  recordedTo: timestamp().nullish(),
  businessFrom: date().nullish(),
  businessTo: date().nullish(),
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  after: z.string().max(100, 'must be a cursor returned by an earlier page').nullish(),
});

type Args = Record<string, unknown>;

/** The filter's fields travel flat beside the page arguments. */
const historyParams = (args: Args): Args => ({
  ...((args.filter as Args | null | undefined) ?? {}),
  first: args.first,
  after: args.after,
});

export const auditSearch: ServiceOperation = {
  kind: 'query',
  roles: { inspector: 'all', leader: 'all', office: 'own_actions' },
  endpoints: [
    {
      action: 'audit.searchHistory',
      field: { root: 'Query', name: 'auditHistory', params: historyParams },
    },
  ],
};

const proofField = (name: string) => ({ root: 'Query', name }) as const;

export const auditProof: ServiceOperation = {
  kind: 'query',
  roles: { inspector: 'all', leader: 'all' },
  endpoints: [
    { action: 'audit.inclusionProof', field: proofField('inclusionProof') },
    { action: 'audit.consistencyProof', field: proofField('consistencyProof') },
    { action: 'audit.treeHead', field: proofField('treeHead') },
    { action: 'audit.latestTreeHead', field: proofField('latestTreeHead') },
  ],
};

/**
 * The key tree heads are signed with is public: anyone may check a head. So is
 * the audit's status: whether it found the stored log altered, and who
 * witnessed its latest head.
 */
export const auditPublicKey: ServiceOperation = {
  kind: 'query',
  roles: readers,
  endpoints: [
    { action: 'audit.publicKey', field: proofField('auditPublicKey') },
    { action: 'audit.status', field: proofField('auditStatus') },
    { action: 'audit.recentHeads', field: proofField('treeHeads') },
  ],
};

/** No input: a retried signing signs the tree as it then stands, which is harmless. */
export const auditSign = serviceCommand(
  { inspector: 'all', office: 'all' },
  'audit.signTreeHead',
  'signTreeHead',
);
