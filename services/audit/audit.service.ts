import type { ServiceSchema } from 'moleculer';
import {
  consistencyProofInput,
  inclusionProofInput,
  treeHeadInput,
  treeHeadsInput,
} from '../../contracts/catalogue/audit.ts';
import { DomainError, illegalState, notFound, validationError } from '../../contracts/errors.ts';
import type { TreeHead } from '../../contracts/events/index.ts';
import { auditAlarmStreamId, treeHeadStreamId } from '../../contracts/streams.ts';
import { rootHash } from '../../domain/merkle/tree.ts';
import { type AuditDivergence, createAuditAlarm } from '../../infra/audit/alarm.ts';
import type { RecordedTreeHead } from '../../infra/audit/tree-head-index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import {
  type FollowingUnderLease,
  followUnderLease,
} from '../../infra/log-follower/follow-under-lease.ts';
import type { Ticker } from '../../infra/log-follower/ticker.ts';
import { startTicker } from '../../infra/log-follower/ticker.ts';
import { correlationOf, guarded } from '../shared/action.ts';
import { appendedEvent } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import type { AuditRuntime, AuditServiceDeps } from './audit-runtime.ts';
import { openAuditRuntime } from './audit-runtime.ts';
import { createCheckTurns } from './check-turns.ts';
import {
  base64Hashes,
  checkpointProofInput,
  checkpointTextOf,
  checkpointVerifierKey,
  cosignatureInput,
  postedCosignatures,
  postedSize,
  signedCheckpoint,
  withCosignatures,
  witnessesOf,
} from './checkpoints.ts';
import { alarmDecider } from './domain/alarm-record.ts';
import { treeHeadDecider } from './domain/decider.ts';
import { headsPage } from './heads-page.ts';
import { proveConsistency, proveInclusion } from './proofs.ts';
import { readActions } from './read-actions.ts';
import { createReadTally } from './read-tally.ts';
import { headsDisagreement } from './self-check.ts';
import { checkSigningKey, keyChainOf } from './signing-key-check.ts';
import type { SigningReason } from './signing-schedule.ts';
import { createStoredLogCheck } from './stored-log-check.ts';
import { checkIndexedTail } from './tail-check.ts';
import { auditActor } from './tree-head-signer.ts';
import { firstForged, resumeWriteCheck, signedAt } from './write-check.ts';

export type { AuditServiceDeps } from './audit-runtime.ts';

export interface AuditServiceOptions {
  /** The `audit` lease: only its holder indexes and signs on its own; default: always leading. */
  leadership?: Leadership;
}

/**
 * The audit (审计) service: keeps the Merkle log over the global order and the
 * history index up to date from the event store (woken by appends, polling as
 * well), signs tree heads on a cadence and on demand, and answers proofs and
 * history searches. The Merkle rules live in `domain/merkle/`, the signing rules
 * in `domain/`.
 * Across nodes only the holder of the `audit` lease is woken, ticks and signs on
 * a cadence; a query on any node still catches the index up first (its
 * checkpoint is a compare-and-set, so two writers never double a leaf).
 */
export const createAuditService = (
  deps: AuditServiceDeps,
  options: AuditServiceOptions = {},
): ServiceSchema => {
  const leadership = options.leadership ?? alwaysLeading();
  const policy = deps.witnesses ?? { keys: [], quorum: 1 };
  const alarm = deps.auditAlarm ?? createAuditAlarm();
  /** A head as the status and the list of heads show it: with who cosigned it. */
  const witnessedHead = (head: TreeHead) => ({
    treeSize: head.treeSize,
    signedAt: head.signedAt,
    rootHash: head.rootHash,
    keyId: head.keyId,
    ...witnessesOf(live().heads.cosignaturesOf(head.treeSize), policy),
  });
  const checking = new AbortController();
  let selfCheck: Ticker | null = null;
  let fullCheck: Ticker | null = null;
  let storedLogCheck: ReturnType<typeof createStoredLogCheck> | null = null;
  const tally = createReadTally(deps);
  let tallying: Ticker | null = null;

  /** No head is signed over a log found altered: say where, refuse. */
  const refuseWhileAlarmed = (): void => {
    const raised = alarm.current();
    if (raised) {
      throw illegalState(
        `signing stopped: the stored log was altered at position ${raised.position} (${raised.what}); run npm run audit:check`,
        'treeSize',
      );
    }
  };
  let runtime: AuditRuntime | null = null;
  let signing: Ticker | null = null;
  let following: FollowingUnderLease | null = null;
  /** Catch-ups and scheduled signings run one after the other; a stop waits for them. */
  let background: Promise<unknown> = Promise.resolve();

  const live = (): AuditRuntime => {
    if (!runtime) throw new Error('the audit service is not started');
    return runtime;
  };

  /** Catches up to the tree size asked for; VALIDATION follows if the log has not reached it. */
  const reach = async (treeSize: number) => {
    const audit = live();
    if (treeSize > audit.tree.size) await audit.indexer.catchUp();
    return audit;
  };

  let logger: Pick<Console, 'error' | 'warn'> = console;

  /** Raises the alarm: /readyz, the log line, and an event where the log still takes one. */
  const raise = async (found: AuditDivergence) => {
    alarm.raise(found);
    logger.error(
      `audit: the stored log was altered at position ${found.position}: ${found.what}; signing stopped; run npm run audit:check`,
    );
    try {
      await deps.handle(alarmDecider, {
        streamId: auditAlarmStreamId,
        command: { type: 'RaiseAlarm', data: found },
        actor: auditActor,
        correlationId: `audit-alarm-${found.position}`,
        causationId: 'self-check',
      });
    } catch (error) {
      logger.error('audit: the alarm could not be recorded in the log', error);
    }
  };

  /** The latest head a witness policy counts as witnessed, looked for from the newest back. */
  const latestWitnessed = (audit: AuditRuntime): RecordedTreeHead | null => {
    const all = audit.heads.all();
    for (let i = all.length - 1; i >= 0; i--) {
      const entry = all[i]!;
      if (witnessesOf(audit.heads.cosignaturesOf(entry.head.treeSize), policy).witnessed) {
        return entry;
      }
    }
    return null;
  };

  /** The index against the latest signed head and, when `witnessed`, the latest witnessed one. */
  const disagreement = (audit: AuditRuntime, options: { witnessed: boolean }) => {
    const latest = audit.heads.latest();
    const witnessed = options.witnessed ? latestWitnessed(audit) : null;
    return headsDisagreement(
      [
        ...(witnessed ? [{ ...witnessed, kind: 'witnessed' as const }] : []),
        ...(latest ? [{ ...latest, kind: 'signed' as const }] : []),
      ],
      (size) => (size <= audit.tree.size ? rootHash(audit.tree, size).toString('hex') : null),
      (size) => audit.tree.positions(size, 1)[0]!,
    );
  };

  /**
   * Before any head is signed, scheduled or asked for: never a head over a
   * tree that does not extend the last one (the log under it changed).
   */
  const mayExtend = async () => {
    const audit = live();
    await audit.heads.refresh();
    const parted = disagreement(audit, { witnessed: false });
    if (parted) await raise(parted);
    refuseWhileAlarmed();
  };

  /**
   * Brings the index to the end of the log, then signs a head if one is due,
   * under the lease's `term` (absent without an election).
   */
  const catchUpAndSignNow = async (
    audit: AuditRuntime,
    reason: SigningReason,
    term: number | undefined,
  ) => {
    await audit.indexer.catchUp();
    await audit.heads.refresh();
    if (alarm.current() || !audit.schedule.due(reason)) return;
    try {
      await audit.signer.sign({
        correlationId: `audit-${reason}`,
        causationId: 'schedule',
        ...(term === undefined ? {} : { term }),
      });
    } catch (error) {
      // Another process signed this size first (its head serves as well), the
      // lease passed to a node that has signed since (a stale term), or the
      // alarm went up as it was about to sign.
      if (!(error instanceof DomainError && error.code === 'ILLEGAL_STATE')) throw error;
    }
  };

  const catchUpAndSign = (reason: SigningReason, term?: number): Promise<void> => {
    const run = background.then(() => {
      // A wake-up or tick that fires while the service stops has nothing to do.
      const audit = runtime;
      return audit ? catchUpAndSignNow(audit, reason, term) : undefined;
    });
    background = run.catch(() => undefined);
    return run;
  };

  return {
    name: 'audit',
    events: {
      [appendedEvent]: {
        handler() {
          following?.wake();
        },
      },
    },
    actions: {
      inclusionProof: guarded('auditProof', async (ctx) => {
        const { position, treeSize } = parseInput(inclusionProofInput, ctx.params);
        return proveInclusion((await reach(treeSize)).tree, position, treeSize);
      }),

      consistencyProof: guarded('auditProof', async (ctx) => {
        const { fromSize, toSize } = parseInput(consistencyProofInput, ctx.params);
        return proveConsistency((await reach(toSize)).tree, fromSize, toSize);
      }),

      treeHead: guarded('auditProof', async (ctx) => {
        const { size } = parseInput(treeHeadInput, ctx.params);
        const { heads } = live();
        await heads.refresh();
        const found = heads.bySize(size);
        if (!found) throw notFound('size', `signed tree head of size ${size}`);
        return { ...found.head, position: found.position };
      }),

      latestTreeHead: guarded('auditProof', async () => {
        const { heads } = live();
        await heads.refresh();
        const latest = heads.latest();
        return latest ? { ...latest.head, position: latest.position } : null;
      }),

      /** The key signing now, and every key the log's heads were signed with, each with its validity. */
      publicKey: guarded('auditPublicKey', async () => {
        const { heads } = live();
        await heads.refresh();
        return {
          keyId: deps.signingKey.keyId,
          algorithm: 'Ed25519',
          publicKey: deps.signingKey.publicKeyRaw.toString('base64'),
          pem: deps.signingKey.publicKeyPem,
          keys: keyChainOf(heads).keys.map((key) => ({
            keyId: key.keyId,
            publicKey: key.publicKey,
            validFrom: key.from.at,
            validFromPosition: key.from.position,
            validUntil: key.until?.at ?? null,
            validUntilPosition: key.until?.position ?? null,
          })),
        };
      }),

      /** Whether the stored log was found altered (signing stopped), and the latest head's witnesses. */
      status: guarded('auditPublicKey', async () => {
        const { heads, tree } = live();
        await heads.refresh();
        const latest = heads.latest();
        const raised = alarm.current();
        return {
          signingStopped: raised ? { position: raised.position, what: raised.what } : null,
          indexedSize: tree.size,
          latestHead: latest ? witnessedHead(latest.head) : null,
        };
      }),

      /** Signed heads, newest first, each with its witnesses (public, as the status is). */
      recentHeads: guarded('auditPublicKey', async (ctx) => {
        const { first, after } = parseInput(treeHeadsInput, ctx.params);
        const { heads } = live();
        await heads.refresh();
        return headsPage(
          heads.all().map(({ head }) => head),
          first,
          after,
          witnessedHead,
        );
      }),

      signTreeHead: guarded('auditSign', async (ctx) => {
        refuseWhileAlarmed();
        return live().signer.sign({ correlationId: correlationOf(ctx), causationId: ctx.id });
      }),

      ...readActions(deps, live, tally),

      /**
       * The latest signed head as a c2sp.org/tlog-checkpoint signed note, with
       * its verifier key; null before the first head. Public, as the key is:
       * witnesses fetch it without an account.
       */
      checkpoint: async () => {
        const { heads } = live();
        await heads.refresh();
        const latest = heads.latest();
        if (!latest) return null;
        const cosignatures = heads.cosignaturesOf(latest.head.treeSize);
        const note = signedCheckpoint(deps.auditOrigin, deps.signingKey, latest.head);
        return {
          note: withCosignatures(note, cosignatures),
          treeSize: latest.head.treeSize,
          verifierKey: checkpointVerifierKey(deps.auditOrigin, deps.signingKey),
          ...witnessesOf(cosignatures, policy),
        };
      },

      /**
       * Records the cosignatures a witness posted: its cosigned checkpoint of a
       * signed head (this log's note, then signature lines). Only configured
       * witnesses' cosignatures are kept, each verified; public, since the
       * signatures, not the caller, are what is trusted.
       */
      recordCosignature: async (ctx) => {
        const { note } = parseInput(cosignatureInput, ctx.params);
        const { heads } = live();
        await heads.refresh();
        const head = heads.bySize(postedSize(note));
        if (head === null) throw validationError('note', 'must be the checkpoint of a signed head');
        const text = checkpointTextOf(deps.auditOrigin, head.head);
        const recorded = postedCosignatures(note, text, policy.keys);
        for (const cosignature of recorded) {
          await deps.handle(treeHeadDecider, {
            streamId: treeHeadStreamId,
            command: {
              type: 'RecordCosignature',
              data: { ...cosignature, treeSize: head.head.treeSize, rootHash: head.head.rootHash },
            },
            actor: auditActor,
            correlationId: correlationOf(ctx),
            causationId: ctx.id,
          });
        }
        await heads.refresh();
        return {
          treeSize: head.head.treeSize,
          recorded: recorded.map((cosignature) => cosignature.witness),
          ...witnessesOf(heads.cosignaturesOf(head.head.treeSize), policy),
        };
      },

      /** Every rotation of the signing key, in order, each signed by the key before (public). */
      keyRotations: async () => {
        const { heads } = live();
        await heads.refresh();
        return { rotations: heads.rotations().map(({ rotation }) => rotation) };
      },

      /** The verifier key of the checkpoints (public). */
      checkpointKey: async () => checkpointVerifierKey(deps.auditOrigin, deps.signingKey),

      /**
       * The consistency proof (RFC 6962) from the checkpoint of size `from` to
       * that of `to` (the latest signed head when absent), hashes in base64 as
       * in checkpoints. Public: it says nothing but hashes.
       */
      checkpointProof: async (ctx) => {
        const { from, to } = parseInput(checkpointProofInput, ctx.params);
        const { heads } = live();
        await heads.refresh();
        const toSize = to ?? heads.latest()?.head.treeSize ?? 0;
        if (toSize === 0) throw notFound('to', 'signed tree head');
        const { tree } = await reach(toSize);
        if (toSize > tree.size) {
          throw validationError(
            'to',
            `must be a tree size from 1 to ${tree.size}, the size reached`,
          );
        }
        if (from > toSize) {
          throw validationError('from', `must be at most ${toSize}, the size it is proved against`);
        }
        const proof = proveConsistency(tree, from, toSize);
        return {
          from: proof.fromSize,
          to: proof.toSize,
          fromRootHash: Buffer.from(proof.fromRootHash, 'hex').toString('base64'),
          toRootHash: Buffer.from(proof.toRootHash, 'hex').toString('base64'),
          proof: base64Hashes(proof.proof),
        };
      },

      /** Catches up now, signs a head if one is due by count, answers with the tree size. */
      catchUp: async () => {
        await catchUpAndSign('count');
        return { treeSize: live().tree.size };
      },

      health: async () => {
        const audit = live();
        audit.tree.refresh();
        return {
          ok: true,
          treeSize: audit.tree.size,
          latestTreeHeadSize: audit.heads.latest()?.head.treeSize ?? 0,
        };
      },
    },
    async started() {
      const broker = this.broker;
      logger = this.logger;
      // Each page indexed is checked for events the system did not write (see below).
      let indexed: (events: readonly StoredEvent[]) => void = () => {};
      runtime = openAuditRuntime(deps, {
        onAppended: (position) => broker.broadcast(appendedEvent, { position }),
        onPage: (events) => indexed(events),
        onError: (error) => logger.error('audit catch-up failed', error),
        mayExtend,
      });
      // Until the catch-up below is over, /readyz says how far the index is.
      const tree = runtime.tree;
      const end = await deps.eventStore.lastPosition();
      deps.auditIndexing?.following(() => ({ of: 'audit index', position: tree.position, end }));
      const altered = await checkIndexedTail(deps.eventStore, runtime.tree);
      // Loud, not fatal: the record stays readable while an inspector investigates;
      // but nothing is signed over it, and /readyz says so.
      if (altered) await raise({ position: runtime.tree.position, what: altered });
      // The key must be the log's own, or be handed on by it; a replaced key signs nothing.
      const replaced = await checkSigningKey({
        heads: runtime.heads,
        key: deps.signingKey,
        previous: deps.previousSigningKey ?? null,
        now: () => deps.clock.now(),
        record: async (rotation) => {
          await deps.handle(treeHeadDecider, {
            streamId: treeHeadStreamId,
            command: { type: 'RecordKeyRotation', data: rotation },
            actor: auditActor,
            correlationId: `audit-key-${rotation.toKeyId}`,
            causationId: 'start',
          });
          logger.warn(
            `audit: the signing key was handed on from ${rotation.fromKeyId} to ${rotation.toKeyId}; AUDIT_PREVIOUS_SIGNING_KEY_FILE may now be removed`,
          );
        },
      });
      if (replaced) await raise(replaced);
      // Every event indexed from now on must carry a valid write MAC; those
      // indexed since the last signed head are checked again, as no head vouches
      // for them yet. A head is never signed over a forged event.
      const writers = deps.writeKeys ?? new Map();
      if (writers.size > 0) {
        const { check, forged } = await resumeWriteCheck(deps.eventStore, runtime, writers);
        if (forged) await raise(forged);
        indexed = (events) => {
          const found = alarm.current() ? null : firstForged(check, events);
          if (found) void raise(found);
        };
      } else {
        logger.warn('audit: no write key to check written events with (EVENT_WRITE_KEY_FILE)');
      }
      // The whole log against the leaves indexed, now in the background and on a schedule.
      // The stored log against the index from `from` on, with every event's write MAC
      // (by the legacy range the heads signed), then the index against the heads.
      let checkedUpTo = 0;
      storedLogCheck = createStoredLogCheck({
        eventStore: deps.eventStore,
        writers,
        auditDatabasePath: deps.auditDatabasePath,
        ...(deps.checkStores ? { stores: deps.checkStores } : {}),
        signal: checking.signal,
        warn: (message) => logger.warn(message),
      });
      const findAltered = storedLogCheck.check;
      const checkFrom = async (from: number) => {
        const audit = runtime;
        if (!audit || alarm.current()) return;
        await audit.heads.refresh();
        const legacyUpTo = audit.heads.legacyUpTo();
        const writes =
          writers.size > 0
            ? {
                signedSoFar:
                  legacyUpTo !== null || (await signedAt(deps.eventStore, audit.tree, from - 1)),
                legacyUpTo,
              }
            : null;
        const size = audit.tree.size;
        const found =
          (await findAltered({ from, to: size, writes }, audit.tree)) ??
          disagreement(audit, { witnessed: true });
        if (found) await raise(found);
        else checkedUpTo = Math.max(checkedUpTo, size);
      };
      const checkFailed = (error: unknown) => {
        if (!checking.signal.aborted) logger.error('audit self-check failed', error);
      };
      // The whole log at start and then daily; what was indexed since, every minute;
      // one check at a time.
      const inTurn = createCheckTurns(checkFrom, checking.signal);
      void inTurn(() => 1).catch(checkFailed);
      fullCheck = startTicker(
        (deps.fullCheckSeconds ?? 86_400) * 1000,
        () => inTurn(() => 1),
        checkFailed,
      );
      selfCheck = startTicker(
        (deps.selfCheckSeconds ?? 60) * 1000,
        () => inTurn(() => checkedUpTo + 1),
        checkFailed,
      );
      // The counts of reads repeated in a window, recorded once the window is over.
      tallying = startTicker(
        (deps.readTallySeconds ?? 60) * 1000,
        () => tally.flush(),
        (error) => logger.error('audit: read counts could not be recorded', error),
      );
      const failed = (error: unknown) =>
        logger.error('audit catch-up failed; retrying at the next tick', error);
      const stopSigning = () => {
        signing?.stop();
        signing = null;
      };
      following = followUnderLease({
        eventStore: deps.eventStore,
        leadership,
        catchUp: (_proceed, term) => catchUpAndSign('count', term),
        pollMs: deps.projectorPollMs,
        // Wake-ups of one turn of the event loop share one catch-up.
        coalesceMs: 0,
        onWakeError: (error) => logger.error('audit catch-up failed', error),
        onPollError: failed,
        alongside: {
          lead(term) {
            stopSigning();
            signing = startTicker(
              deps.auditSignSeconds * 1000,
              () => catchUpAndSign('time', term),
              failed,
            );
          },
          standDown: stopSigning,
        },
      });
      try {
        await following.start();
      } finally {
        deps.auditIndexing?.done();
      }
    },
    async stopped() {
      checking.abort();
      selfCheck?.stop();
      fullCheck?.stop();
      tallying?.stop();
      // A check under way ends first: its worker opens the stores by itself.
      await storedLogCheck?.idle();
      await tally.flush(true).catch((error: unknown) => {
        this.logger.error('audit: read counts could not be recorded at stop', error);
      });
      await following?.stop();
      const audit = runtime;
      runtime = null;
      await background;
      await audit?.signer.idle();
      await audit?.indexer.catchUp().catch(() => undefined);
      audit?.close();
    },
  };
};
