/** What the audit service needs beyond every service's dependencies. */
import { createTreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { SigningKey } from '../../infra/keys/signing-key.ts';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { createHistorySearch } from './history-search.ts';
import { createAuditIndexer } from './indexer.ts';
import { legacyEnd } from './legacy-range.ts';
import { openAuditDatabase } from './schema.ts';
import { createSigningSchedule } from './signing-schedule.ts';
import { createTreeHeadSigner } from './tree-head-signer.ts';
import { createTreeStore } from './tree-store.ts';

export interface AuditOptions {
  /** `<DATA_DIR>/audit.sqlite`, or ':memory:'. */
  auditDatabasePath: string;
  signingKey: SigningKey;
  /** The key signed with before, given once to hand the log on to `signingKey`. */
  previousSigningKey?: SigningKey | null;
  /** The log's name in its checkpoints (AUDIT_ORIGIN). */
  auditOrigin: string;
  /** Seconds between two checks of what was indexed since the last check (AUDIT_SELF_CHECK_SECONDS). */
  selfCheckSeconds?: number;
  /**
   * The stores as configured, for the checks of the stored log to open in a
   * worker thread of their own (AUDIT_CHECK_WORKER); absent, or the index in
   * memory, they run in the service's thread, a page at a time.
   */
  checkStores?: StoreConfig;
  /** Seconds between two checks of the whole stored log (AUDIT_FULL_CHECK_SECONDS); one also runs at start. */
  fullCheckSeconds?: number;
  /** Seconds between two recordings of the counts of windows that are over. */
  readTallySeconds?: number;
  /** The witnesses whose cosignatures are recorded (AUDIT_WITNESS_KEYS), and how many make a head witnessed. */
  witnesses?: { keys: readonly string[]; quorum: number };
  auditSignEvery: number;
  auditSignSeconds: number;
  /** Events per catch-up page; defaults to the projector's batch size. */
  auditBatchSize?: number;
}

export type AuditServiceDeps = ServiceDeps & AuditOptions;

export interface AuditRuntimeHooks {
  onAppended: (position: number) => void;
  onPage?: (events: readonly StoredEvent[]) => void;
  onError?: (error: unknown) => void;
  /** Asked before each head is signed, the index caught up: throws to refuse. */
  mayExtend?: () => Promise<void>;
}

/** The audit index, its writer and readers, and the signer, over one database connection. */
export const openAuditRuntime = (deps: AuditServiceDeps, hooks: AuditRuntimeHooks) => {
  const db = openAuditDatabase(deps.auditDatabasePath);
  const tree = createTreeStore(db);
  const heads = createTreeHeadIndex(deps.eventStore);
  const indexer = createAuditIndexer({
    eventStore: deps.eventStore,
    tree,
    batchSize: deps.auditBatchSize ?? deps.projectorBatchSize,
    ...(hooks.onPage ? { onPage: hooks.onPage } : {}),
    ...(hooks.onError ? { onError: hooks.onError } : {}),
  });
  const signer = createTreeHeadSigner({
    tree,
    indexer,
    heads,
    key: deps.signingKey,
    clock: deps.clock,
    handle: deps.handle,
    onAppended: hooks.onAppended,
    ...(hooks.mayExtend ? { mayExtend: hooks.mayExtend } : {}),
    // Where writes are authenticated, every head says where the legacy events end:
    // the first one fixes it (read from the log once), the others repeat it.
    ...((deps.writeKeys?.size ?? 0) > 0
      ? {
          legacyUpTo: async (treeSize: number) => {
            await heads.refresh();
            return heads.legacyUpTo() ?? legacyEnd(deps.eventStore, treeSize);
          },
        }
      : {}),
  });
  return {
    db,
    tree,
    heads,
    indexer,
    signer,
    search: createHistorySearch(db),
    schedule: createSigningSchedule({ db, tree, heads, signEvery: deps.auditSignEvery }),
    close: () => tree.close(),
  };
};

export type AuditRuntime = ReturnType<typeof openAuditRuntime>;
