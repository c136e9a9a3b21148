/** How far the read models are through the log: checkpoint and target positions. */
export interface CatchUpProgress {
  position: number;
  end: number;
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
