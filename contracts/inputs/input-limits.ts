/**
 * Limits of the supervision year's inputs that `contracts/limits.ts` does not
 * hold. They match the task decider's own (evidence.ts, indicators.ts,
 * instructions.ts, accountability.ts), so the edge refuses what the domain would.
 */
export const inputLimits = {
  /** Files per evidence list (佐证材料). */
  evidenceEntries: 20,
  /** File names as most file systems allow them. */
  fileName: 255,
  /** Units of measure are short: %, m², 所, 个. */
  unitOfMeasure: 20,
  /** Units one leadership instruction (批示) may address. */
  addressees: 50,
  /** Points one accountability record (问责) may take off. */
  scoreDeduction: 100,
  /** Ids one directory lookup may ask about. */
  lookupIds: 200,
} as const;

/** SHA-256 of a file, as 64 lowercase hex digits. */
export const sha256Pattern = /^[0-9a-f]{64}$/;
