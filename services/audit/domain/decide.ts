import { illegalState, validationError } from '../../../contracts/errors.ts';
import type {
  AuditEvent,
  SigningKeyRotation,
  TreeHead,
  TreeHeadCosignature,
} from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { TreeHeadCommand } from './commands.ts';
import { cosignedKey, type TreeHeadState } from './state.ts';

const hex64 = /^[0-9a-f]{64}$/;
const keyIdPattern = /^[0-9a-f]{16}$/;

/** A head whose fields could not have come from the signer is a bug upstream: refuse it. */
const checkShape = (head: TreeHead): void => {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 1) {
    throw validationError('treeSize', 'must be a whole number of at least 1');
  }
  if (!hex64.test(head.rootHash)) throw validationError('rootHash', 'must be 64 hex characters');
  if (Number.isNaN(Date.parse(head.signedAt))) {
    throw validationError('signedAt', 'must be an ISO timestamp');
  }
  if (!keyIdPattern.test(head.keyId)) throw validationError('keyId', 'must be 16 hex characters');
  if (head.publicKey === '') throw validationError('publicKey', 'must not be empty');
  if (head.signature === '') throw validationError('signature', 'must not be empty');
};

/**
 * A head signed under a lease term older than one already recorded comes from a
 * holder that slept through its lease: another node holds it now, and has signed.
 */
const checkTerm = (head: TreeHead, state: TreeHeadState): void => {
  const { leaseTerm } = head;
  if (leaseTerm === undefined) return;
  if (!Number.isSafeInteger(leaseTerm) || leaseTerm < 0) {
    throw validationError('leaseTerm', 'must be a whole number from 0');
  }
  if (state.leaseTerm !== null && leaseTerm < state.leaseTerm) {
    throw illegalState(
      `the audit lease term ${leaseTerm} is stale: a head was signed under term ${state.leaseTerm}`,
      'leaseTerm',
    );
  }
};

/**
 * Records a signed tree head. Heads only move forward: each covers strictly more
 * leaves than the last, so the heads themselves form an ordered chain of
 * checkpoints; and a head under a stale lease term is refused first.
 */
const recordTreeHead = (head: TreeHead, state: TreeHeadState): AuditEvent[] => {
  checkShape(head);
  checkTerm(head, state);
  if (head.treeSize <= state.treeSize) {
    throw illegalState(
      `a head of size ${state.treeSize} is already signed; a new head must cover more leaves`,
      'treeSize',
    );
  }
  if (
    head.legacyUpTo !== undefined &&
    (!Number.isSafeInteger(head.legacyUpTo) ||
      head.legacyUpTo < 0 ||
      head.legacyUpTo > head.treeSize)
  ) {
    throw validationError('legacyUpTo', 'must be a whole number from 0 to the tree size');
  }
  if (state.legacyUpTo !== null && head.legacyUpTo !== state.legacyUpTo) {
    throw illegalState(
      `the log's legacy events end at position ${state.legacyUpTo}, as its heads have said; a head may not say otherwise`,
      'legacyUpTo',
    );
  }
  if (state.keyId !== null && head.keyId !== state.keyId) {
    throw illegalState(
      `the head is signed by key ${head.keyId}, but the log's key is ${state.keyId}: the old key must hand the log on first (AUDIT_PREVIOUS_SIGNING_KEY_FILE)`,
      'keyId',
    );
  }
  return [{ type: 'TreeHeadSigned', data: head }];
};

/**
 * Records the signing key handed on: from the key in force (the old key signed
 * the rotation; the adapter checked it), to another one.
 */
const recordKeyRotation = (rotation: SigningKeyRotation, state: TreeHeadState): AuditEvent[] => {
  if (!keyIdPattern.test(rotation.toKeyId)) {
    throw validationError('toKeyId', 'must be 16 hex characters');
  }
  if (rotation.toKeyId === rotation.fromKeyId) {
    throw validationError('toKeyId', 'must be another key than the one handed on from');
  }
  if (state.keyId !== null && rotation.fromKeyId !== state.keyId) {
    throw illegalState(
      `the log's key is ${state.keyId}, not ${rotation.fromKeyId}: only the key in force hands the log on`,
      'fromKeyId',
    );
  }
  if (rotation.afterTreeSize !== state.treeSize) {
    throw illegalState(
      `the last head is of size ${state.treeSize}, not ${rotation.afterTreeSize}`,
      'afterTreeSize',
    );
  }
  return [{ type: 'SigningKeyRotated', data: rotation }];
};

/**
 * Records a witness's cosignature of a signed head: the head must exist with
 * that root; a second cosignature of the same head by the same key adds nothing.
 */
const recordCosignature = (
  cosignature: TreeHeadCosignature,
  state: TreeHeadState,
): AuditEvent[] => {
  if (!hex64.test(cosignature.rootHash))
    throw validationError('rootHash', 'must be 64 hex characters');
  if (!/^[0-9a-f]{8}$/.test(cosignature.keyId)) {
    throw validationError('keyId', 'must be 8 hex characters');
  }
  if (!Number.isSafeInteger(cosignature.timestamp) || cosignature.timestamp < 0) {
    throw validationError('timestamp', 'must be whole seconds since the epoch');
  }
  if (state.roots.get(cosignature.treeSize) !== cosignature.rootHash) {
    throw validationError('treeSize', 'must be the size and root of a signed head');
  }
  if (state.cosigned.has(cosignedKey(cosignature.keyId, cosignature.treeSize))) return [];
  return [{ type: 'TreeHeadCosigned', data: cosignature }];
};

/** Decides a tree-head command: the events it causes, or a DomainError. */
export const decide = (
  command: TreeHeadCommand,
  state: TreeHeadState,
  _context: DecisionContext,
): AuditEvent[] => {
  switch (command.type) {
    case 'RecordTreeHead':
      return recordTreeHead(command.data, state);
    case 'RecordCosignature':
      return recordCosignature(command.data, state);
    case 'RecordKeyRotation':
      return recordKeyRotation(command.data, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown tree-head command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
