/**
 * A place in KurrentDB's transaction log as `$all` reports it: the commit and
 * prepare positions, byte offsets into the log.
 *
 * Which of them is the port's position, from KurrentDB's source
 * (src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs, StorageChaser.cs,
 * IndexCommitter.cs and RequestManager/Managers/WriteEvents.cs, read 2026-12): a
 * gRPC append is an implicit transaction, each of its events one prepare record
 * flagged `IsCommitted`, with no commit record. `$all` reads treat every such
 * prepare as its own commit (`new CommitEventRecord(eventRecord, prepare.LogPosition)`),
 * so each event's commit position equals its prepare position, its own record's
 * offset: unique, strictly increasing along `$all`, and a record boundary a read
 * can start from (forward reads include the event at the position they start
 * from). The append's answer carries the position of the batch's last event only
 * (the `CommitAck` of the `TransactionEnd` prepare, sent as both commit and
 * prepare). Events sharing a commit position with different prepares come only
 * from explicit transactions (a commit record), which the gRPC API cannot write:
 * this store never wrote one, and refuses such an event in its streams.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The port's position of an event at `position`: its commit position, as a safe
 * integer. Refuses what the port cannot carry exactly (a log past 2^53 bytes) and
 * what this store never writes (commit and prepare apart).
 */
export function portPosition(position: LogPosition, what: string): number {
  if (position.commit !== position.prepare) {
    throw new Error(
      `${what} is at commit ${position.commit} / prepare ${position.prepare}: written in an explicit ` +
        'transaction, which this store never writes; its events each have one position',
    );
  }
  if (position.commit > MAX_SAFE || position.commit < 1n) {
    throw new RangeError(
      `${what} is at KurrentDB log position ${position.commit}, beyond what a position of this ` +
        `store can carry exactly (1 … 2^53 - 1): the log has outgrown the port's safe integers`,
    );
  }
  return Number(position.commit);
}

/** The log position a port position stands for (a record boundary when it is an event's). */
export function logPositionOf(position: number): LogPosition {
  const at = BigInt(position);
  return { commit: at, prepare: at };
}
