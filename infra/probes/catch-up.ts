/** How far a follower of the log is through it: where it is, and the end it catches up to. */
export interface CatchUpProgress {
  position: number;
  end: number;
  /** What catches up, when not the read models (the audit index). */
  of?: string;
}

/** Where the progress is read: the projector's checkpoint and the log's last position. */
export interface CatchUpPositions {
  checkpoint(): Promise<number>;
  end(): Promise<number>;
}

/**
 * The read models' catch-up at start, as /readyz reports it. `begin` takes the
 * log's end once the stores answer, before the projector starts; from then until
 * the checkpoint reaches that end, `progress` says where it is. A node is unready
 * while it catches up on the log it found at start, not while it chases the
 * writes since: a lag under load never makes it unready again.
 */
export const startUpCatchUp = (positions: CatchUpPositions) => {
  let end: number | null = null;
  let reached = false;
  return {
    async begin(): Promise<void> {
      // A log that cannot be read now is not reported on: the stores' checks speak for it.
      end = await positions.end().catch(() => null);
    },
    /** Null before `begin` and once the end was reached. */
    async progress(): Promise<CatchUpProgress | null> {
      if (end === null || reached) return null;
      const position = await positions.checkpoint();
      if (position >= end) {
        reached = true;
        return null;
      }
      return { position, end };
    },
  };
};

export type StartUpCatchUp = ReturnType<typeof startUpCatchUp>;

/**
 * A catch-up a service runs as it starts (the audit index's, on a log it has
 * not indexed), as /readyz reports it: `following` while it runs, `done` after.
 */
export const createCatchUpReport = () => {
  let read: (() => CatchUpProgress) | null = null;
  return {
    following(progress: () => CatchUpProgress): void {
      read = progress;
    },
    done(): void {
      read = null;
    },
    progress(): CatchUpProgress | null {
      const progress = read?.() ?? null;
      return progress && progress.position < progress.end ? progress : null;
    },
  };
};

export type CatchUpReport = ReturnType<typeof createCatchUpReport>;
