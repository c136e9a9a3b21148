import type {
  SigningKeyRotation,
  TreeHead,
  TreeHeadCosignature,
} from '../../../contracts/events/index.ts';

/**
 * Record a signed tree head. The head arrives already computed and signed: the
 * Merkle root and the signature come from the adapter, the decision is only
 * whether this head may follow the ones before it.
 */
export type TreeHeadCommand =
  | { type: 'RecordTreeHead'; data: TreeHead }
  /** Record a witness's cosignature, already verified against the configured witness keys. */
  | { type: 'RecordCosignature'; data: TreeHeadCosignature }
  /** Record the signing key handed on, the rotation already signed by the old key. */
  | { type: 'RecordKeyRotation'; data: SigningKeyRotation };
