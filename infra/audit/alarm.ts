/** Where the stored log parts from what the audit index hashed, as the self-check found it. */
export interface AuditDivergence {
  position: number;
  what: string;
}

/**
 * The audit service's alarm: raised when the server finds its own log altered
 * behind its back. While it is raised the service signs no head and /readyz
 * answers 503 naming the position; reads go on. It is lowered only by a
 * restart after the operator has restored the log (the check runs again).
 */
export const createAuditAlarm = () => {
  let raised: AuditDivergence | null = null;
  return {
    raise(divergence: AuditDivergence): void {
      // The first divergence is the one to investigate.
      raised ??= divergence;
    },
    current: (): AuditDivergence | null => raised,
    /** What /readyz reports while it is raised. */
    problems: (): string[] =>
      raised === null
        ? []
        : [`audit: the stored log was altered at position ${raised.position}: ${raised.what}`],
  };
};

export type AuditAlarm = ReturnType<typeof createAuditAlarm>;
