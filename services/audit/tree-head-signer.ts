import type { Actor } from '../../contracts/actor.ts';
import { illegalState } from '../../contracts/errors.ts';
import type { TreeHead } from '../../contracts/events/index.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { rootHash } from '../../domain/merkle/tree.ts';
import type { TreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { SigningKey } from '../../infra/keys/signing-key.ts';
import type { CommandHandler } from '../shared/command-handler.ts';
import { treeHeadDecider } from './domain/decider.ts';
import type { AuditIndexer } from './indexer.ts';
import { signTreeHead } from './tree-heads.ts';
import type { TreeStore } from './tree-store.ts';

/** Heads are recorded by the audit service itself, whoever asked for them. */
export const auditActor: Actor = { id: 'audit', role: 'system' };

export interface TreeHeadSignerDeps {
  tree: TreeStore;
  indexer: AuditIndexer;
  heads: TreeHeadIndex;
  key: SigningKey;
  clock: Clock;
  handle: CommandHandler;
  /** Told the position of each head's event, to wake the projectors. */
  onAppended: (position: number) => void;
  /**
   * Where the log's unauthenticated (legacy) events end, for a head of
   * `treeSize`; absent where writes are not authenticated (no write key).
   */
  legacyUpTo?: (treeSize: number) => Promise<number>;
  /** Throws when no head may be signed now (the log under the last head changed). */
  mayExtend?: () => Promise<void>;
}

/** Which request a signing belongs to, for the event's correlation and causation ids. */
export interface SigningRequest {
  correlationId: string;
  causationId: string;
  /**
   * The `audit` lease term a scheduled signing runs under, recorded with the head:
   * refused once a head was recorded under a later one.
   */
  term?: number;
}

/** A signed head and the global position of the event recording it. */
export type SignedTreeHead = TreeHead & { position: number };

/**
 * Signs the tree as it stands after catching up with the log, and records the
 * head through the tree-head decider. One signing at a time: a second request
 * waits, then signs the tree grown by the first head's own event.
 */
export const createTreeHeadSigner = (deps: TreeHeadSignerDeps) => {
  let tail: Promise<unknown> = Promise.resolve();

  const signNow = async (request: SigningRequest): Promise<SignedTreeHead> => {
    await deps.indexer.catchUp();
    await deps.mayExtend?.();
    const treeSize = deps.tree.size;
    if (treeSize === 0) throw illegalState('nothing to sign: the log is empty', 'treeSize');
    const legacyUpTo = await deps.legacyUpTo?.(treeSize);
    const head = signTreeHead(deps.key, {
      treeSize,
      rootHash: rootHash(deps.tree, treeSize).toString('hex'),
      signedAt: deps.clock.now(),
      ...(legacyUpTo === undefined ? {} : { legacyUpTo }),
    });
    const { term, ...ids } = request;
    const result = await deps.handle(treeHeadDecider, {
      streamId: treeHeadStreamId,
      command: {
        type: 'RecordTreeHead',
        data: term === undefined ? head : { ...head, leaseTerm: term },
      },
      actor: auditActor,
      ...ids,
    });
    deps.onAppended(result.position);
    await deps.heads.refresh();
    return { ...head, position: result.position };
  };

  return {
    sign(request: SigningRequest): Promise<SignedTreeHead> {
      const run = tail.then(() => signNow(request));
      tail = run.catch(() => undefined);
      return run;
    },
    /** Resolves once no signing is running (for a clean stop). */
    idle: (): Promise<unknown> => tail,
  };
};

export type TreeHeadSigner = ReturnType<typeof createTreeHeadSigner>;
