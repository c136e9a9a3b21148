/**
 * The read-model store: documents derived from the event log, always rebuildable.
 * Shaped so that a MongoDB adapter maps onto it one to one.
 */
export type Scalar = string | number | boolean | null;

/** Per-field condition: equality, or operators on one field. */
export type FieldCondition =
  | Scalar
  | {
      $eq?: Scalar;
      $ne?: Scalar;
      $in?: Scalar[];
      $gt?: Scalar;
      $gte?: Scalar;
      $lt?: Scalar;
      $lte?: Scalar;
    };

/** Conditions on top-level fields, all of which must hold. */
export type Filter = Record<string, FieldCondition>;

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface FindQuery {
  filter?: Filter;
  /** Ties are broken by document id, ascending, so pages are stable. */
  sort?: SortKey[];
  /**
   * Documents to pass over first. Each costs a step over the matches on every
   * page, so lists page by `after`; MongoDB refuses an offset over
   * `maxOffset`.
   */
  offset?: number;
  limit?: number;
  /**
   * Keyset paging: only the documents after this one in the sort order, named
   * by its value of the (single) sort key and its id. With an index on the
   * field a later page costs what the first does, where an offset costs more
   * the further it goes.
   */
  after?: KeysetPosition;
  /**
   * `false` when the caller does not read `total`: it is then not counted (a
   * count goes over every match, on every page) and is only the number of
   * documents up to the end of this page, a lower bound. Counted by default.
   */
  count?: boolean;
}

/** The largest offset a MongoDB query takes: past it, page by `after`. */
export const maxOffset = 10_000;

/** Where a page ended: the last document's value of the sort key (null when it has none) and id. */
export interface KeysetPosition {
  value: Scalar;
  id: string;
}

export interface FindResult<T> {
  items: T[];
  /**
   * Number of documents matching the filter, regardless of offset and limit
   * (when not counted, see `FindQuery.count`, a lower bound).
   */
  total: number;
}

/** One document to write (`doc`) or remove (`doc: null`). */
export interface DocumentChange {
  collection: string;
  id: string;
  doc: Record<string, unknown> | null;
}

/**
 * A document as it stood at the end of a day (China Standard Time), kept for
 * reading the past: `doc: null` when it was gone by then. Kept by the
 * collections that answer "as of a day"; a later version of the same day
 * replaces an earlier one.
 */
export interface DocumentVersion {
  collection: string;
  id: string;
  day: string;
  doc: Record<string, unknown> | null;
}

/** Where a commit moves a projector's checkpoint, and under which lease term. */
export interface CheckpointCommit {
  from: number;
  to: number;
  /**
   * The term of the lease the committing projector holds (a fencing token, see
   * `Lease.term`). The highest term a checkpoint has seen is kept beside it, in
   * the same step; a commit with an older one throws `StaleTermError` and writes
   * nothing, so a holder that slept through its lease cannot commit after its
   * successor. Absent (a rebuild, one process without leases): not checked, and
   * the term kept stays as it was.
   */
  term?: number;
}

export interface ReadModelStore {
  get<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null>;
  getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, T>>;
  find<T = Record<string, unknown>>(collection: string, query?: FindQuery): Promise<FindResult<T>>;
  /** Last position the projector has applied, 0 when it has applied nothing. */
  getCheckpoint(projectorId: string): Promise<number>;
  /**
   * Writes the changes and moves the checkpoint from `from` to `to` in one atomic
   * step, so a crash leaves either both or neither (exactly-once effect). Throws
   * `CheckpointMovedError` and writes nothing when the stored checkpoint is not
   * `from` (another projector got there first), or when `to` is not after `from`.
   * `versions` are kept in the same step. A commit that carries a lease `term`
   * is fenced (see `CheckpointCommit`).
   */
  commit(
    projectorId: string,
    changes: DocumentChange[],
    checkpoint: CheckpointCommit,
    versions?: readonly DocumentVersion[],
  ): Promise<void>;
  /**
   * Each document of `collection` as it stood at the end of `day`: its last
   * version kept on or before that day, those gone by then left out, in no
   * particular order. Costs the versions kept, not the log.
   */
  versionsAsOf<T = Record<string, unknown>>(collection: string, day: string): Promise<T[]>;
  /**
   * Indexes one field of one collection for filters and sorts on it (with the
   * id, for pages in a stable order); idempotent. Which fields a view is asked
   * by is the view's to say; how to index them is the adapter's.
   */
  ensureIndex(collection: string, field: string): Promise<void>;
  /** Removes every document, version and checkpoint: used before a rebuild from the log. */
  reset(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class CheckpointMovedError extends Error {
  readonly projectorId: string;
  readonly expected: number;
  readonly actual: number;

  constructor(projectorId: string, expected: number, actual: number) {
    super(`checkpoint of ${projectorId}: expected ${expected}, found ${actual}`);
    this.name = 'CheckpointMovedError';
    this.projectorId = projectorId;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A commit under a lease term older than one the checkpoint has already seen:
 * the lease has passed to another holder since, and this one must stand down.
 */
export class StaleTermError extends Error {
  readonly projectorId: string;
  readonly term: number;
  readonly highest: number;

  constructor(projectorId: string, term: number, highest: number) {
    super(
      `checkpoint of ${projectorId}: lease term ${term} is stale, term ${highest} has committed`,
    );
    this.name = 'StaleTermError';
    this.projectorId = projectorId;
    this.term = term;
    this.highest = highest;
  }
}
