/**
 * SQLite's primary result codes an operator must act on. node:sqlite reports
 * them as `errcode` on its errors (possibly extended: the low byte is primary).
 */
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

const primaryCode = (error: unknown): number | null => {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
};

/** "database or disk is full" or "disk I/O error": the disk, not the request, is at fault. */
export const isDiskFailure = (error: unknown): boolean => {
  const code = primaryCode(error);
  return code === SQLITE_FULL || code === SQLITE_IOERR;
};

/** "file is not a database" or "database disk image is malformed". */
export const isDamagedFile = (error: unknown): boolean => {
  const code = primaryCode(error);
  return code === SQLITE_NOTADB || code === SQLITE_CORRUPT;
};

/** SQLite's own words for an error, for messages that add where it happened. */
export const sqliteReason = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A database file SQLite cannot read as one: not a database, or corrupt. */
export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
  /** The file that failed to open. */
  readonly file: string;

  constructor(file: string, cause: unknown) {
    super(`${file} is not a SQLite database or is damaged (${sqliteReason(cause)})`, { cause });
    this.file = file;
  }
}

/**
 * Runs the opening steps of a database, naming the file when SQLite finds it is
 * not a database: its own message names neither file nor setting.
 */
export const openingFile = <T>(file: string, open: () => T): T => {
  try {
    return open();
  } catch (error) {
    throw isDamagedFile(error) ? new DamagedDatabaseError(file, error) : error;
  }
};
