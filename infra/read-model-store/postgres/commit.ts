import type { PoolClient } from 'pg';
import { inTransaction } from '../../postgres/connection.ts';
import {
  type CheckpointCommit,
  CheckpointMovedError,
  type DocumentChange,
  type DocumentVersion,
  StaleTermError,
} from '../port.ts';
import { isStaleTerm, plainDocument } from '../shared/arguments.ts';

/** What a commit writes, checked and reduced before the transaction starts. */
export interface Writes {
  /** The documents that end up written: collections, ids and JSON texts. */
  upserts: { collections: string[]; ids: string[]; docs: string[] };
  /** The documents that end up removed. */
  deletes: { collections: string[]; ids: string[] };
  /** The last version of each collection, id and day; `null` text: gone by then. */
  versions: { collections: string[]; ids: string[]; days: string[]; docs: (string | null)[] };
}

/**
 * The batch as one set of upserts and one of deletes: applied in order, the
 * changes leave each document as its last change says, so only that one is
 * written (one statement may not touch a row twice). A later version of the
 * same day replaces an earlier one, likewise. In key order, so that two
 * commits writing the same rows lock them in the same order. Every document is
 * checked before anything is written.
 */
export function plannedWrites(
  changes: readonly DocumentChange[],
  versions: readonly DocumentVersion[],
): Writes {
  const last = new Map<string, DocumentChange>();
  for (const change of changes) last.set(JSON.stringify([change.collection, change.id]), change);
  const writes: Writes = {
    upserts: { collections: [], ids: [], docs: [] },
    deletes: { collections: [], ids: [] },
    versions: { collections: [], ids: [], days: [], docs: [] },
  };
  // A version is most often the very document written: serialised once.
  const written = new Map<object, string>();
  for (const [, change] of [...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (change.doc === null) {
      writes.deletes.collections.push(change.collection);
      writes.deletes.ids.push(change.id);
    } else {
      const json = JSON.stringify(plainDocument(change));
      written.set(change.doc, json);
      writes.upserts.collections.push(change.collection);
      writes.upserts.ids.push(change.id);
      writes.upserts.docs.push(json);
    }
  }
  const kept = new Map<string, DocumentVersion>();
  for (const version of versions) {
    kept.set(JSON.stringify([version.collection, version.id, version.day]), version);
  }
  for (const [, version] of [...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { collection, id, day, doc } = version;
    writes.versions.collections.push(collection);
    writes.versions.ids.push(id);
    writes.versions.days.push(day);
    writes.versions.docs.push(
      doc === null
        ? null
        : (written.get(doc) ?? JSON.stringify(plainDocument({ collection, id, doc }))),
    );
  }
  return writes;
}

/** A projector's stored checkpoint (0 without one) and highest lease term (null: none). */
async function readStored(
  client: PoolClient,
  schema: string,
  projectorId: string,
): Promise<{ position: number; term: number | null }> {
  const found = await client.query(
    `SELECT position, term FROM ${schema}.checkpoints WHERE projector_id = $1`,
    [projectorId],
  );
  const row = found.rows[0] as { position: string; term: string | null } | undefined;
  return {
    position: row === undefined ? 0 : Number(row.position),
    term: row?.term == null ? null : Number(row.term),
  };
}

/** The stored checkpoint of a projector, 0 when it has none. */
export async function readCheckpoint(
  client: PoolClient,
  schema: string,
  projectorId: string,
): Promise<number> {
  return (await readStored(client, schema, projectorId)).position;
}

/**
 * Moves the checkpoint from `from` to `to` (a projector without one is at 0)
 * and raises its term to `term`, locking its row until the transaction ends;
 * false when it is not at `from` or has seen a higher term. A concurrent
 * commit of the same projector waits for the lock, then finds the checkpoint
 * moved. GREATEST passes over NULL: a commit without a term keeps the stored one.
 */
async function moveCheckpoint(
  client: PoolClient,
  schema: string,
  projectorId: string,
  checkpoint: CheckpointCommit,
): Promise<boolean> {
  const { from, to, term } = checkpoint;
  const fenced = 'coalesce(checkpoints.term <= $3::bigint, true)';
  const moved =
    from === 0
      ? await client.query(
          `INSERT INTO ${schema}.checkpoints AS checkpoints (projector_id, position, term)
           VALUES ($1, $2, $3) ON CONFLICT (projector_id) DO UPDATE
           SET position = excluded.position, term = GREATEST(checkpoints.term, excluded.term)
           WHERE checkpoints.position = 0 AND ${fenced}`,
          [projectorId, to, term ?? null],
        )
      : await client.query(
          `UPDATE ${schema}.checkpoints AS checkpoints
           SET position = $2, term = GREATEST(checkpoints.term, $3::bigint)
           WHERE projector_id = $1 AND position = $4 AND ${fenced}`,
          [projectorId, to, term ?? null, from],
        );
  return moved.rowCount === 1;
}

/** Why a checkpoint did not move: a stale term, else another commit went first. */
async function refusal(
  client: PoolClient,
  schema: string,
  projectorId: string,
  checkpoint: CheckpointCommit,
): Promise<Error> {
  const stored = await readStored(client, schema, projectorId);
  return isStaleTerm(checkpoint.term, stored.term)
    ? new StaleTermError(projectorId, checkpoint.term!, stored.term!)
    : new CheckpointMovedError(projectorId, checkpoint.from, stored.position);
}

/**
 * One commit in one transaction: the checkpoint first (so a racing commit of
 * the same projector stops there, before any document), then the removals,
 * the upserts and the versions, one statement each whatever the batch's size.
 * Throws `CheckpointMovedError`, writing nothing, when the checkpoint is not
 * at `from` or `to` is not after it, and `StaleTermError` when it has seen a
 * higher lease term than the commit's.
 */
export async function commitInTransaction(
  client: PoolClient,
  schema: string,
  projectorId: string,
  checkpoint: CheckpointCommit,
  writes: Writes,
): Promise<void> {
  const { from, to } = checkpoint;
  if (to <= from) {
    throw new CheckpointMovedError(
      projectorId,
      from,
      await readCheckpoint(client, schema, projectorId),
    );
  }
  await inTransaction(client, async () => {
    if (!(await moveCheckpoint(client, schema, projectorId, checkpoint))) {
      throw await refusal(client, schema, projectorId, checkpoint);
    }
    const { upserts, deletes, versions } = writes;
    if (deletes.ids.length > 0) {
      await client.query(
        `DELETE FROM ${schema}.documents AS documents
         USING unnest($1::text[], $2::text[]) AS gone (collection, id)
         WHERE documents.collection = gone.collection AND documents.id = gone.id`,
        [deletes.collections, deletes.ids],
      );
    }
    if (upserts.ids.length > 0) {
      await client.query(
        `INSERT INTO ${schema}.documents (collection, id, doc)
         SELECT collection, id, doc::jsonb FROM unnest($1::text[], $2::text[], $3::text[])
           AS written (collection, id, doc)
         ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
        [upserts.collections, upserts.ids, upserts.docs],
      );
    }
    if (versions.ids.length > 0) {
      await client.query(
        `INSERT INTO ${schema}.versions (collection, id, day, doc)
         SELECT collection, id, day, doc::jsonb
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
             AS kept (collection, id, day, doc)
         ON CONFLICT (collection, id, day) DO UPDATE SET doc = excluded.doc`,
        [versions.collections, versions.ids, versions.days, versions.docs],
      );
    }
  });
}
