/** Input limits shared by the gateway, the services and the domain. */
export const limits = {
  idPattern: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/,
  title: 200,
  name: 100,
  description: 4000,
  note: 2000,
  section: 200,
  idempotencyKey: 128,
  cooperatingUnits: 20,
} as const;

export const idRule = 'letters, digits and _ . : - only, at most 64 characters';

/** Limits of lists, files and amounts in inputs. */
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
  /** Points one bonus award (加分) may add, at most; the ruleset in force bounds it further. */
  bonusPoints: 100,
  /** Ids one directory lookup may ask about. */
  lookupIds: 200,
} as const;

/** SHA-256 of a file, as 64 lowercase hex digits. */
export const sha256Pattern = /^[0-9a-f]{64}$/;
