/**
 * Counts the turns the event loop takes from now until `stop()`: another piece
 * of work taking one turn at a time, as a request waiting for the service would.
 */
export const loopTurns = (): { turns(): number; stop(): void } => {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns += 1;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    turns: () => turns,
    stop: () => {
      ticking = false;
    },
  };
};
