/** A file offered as evidence (佐证材料), named by its SHA-256: the file itself stays with the unit. */
export interface Evidence {
  fileName: string;
  sha256: string;
  size: number;
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Hashes a file chosen in the page with WebCrypto; only the name, digest and size leave it. */
export const evidenceOf = async (file: Blob & { name: string }): Promise<Evidence> => ({
  fileName: file.name,
  sha256: hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())),
  size: file.size,
});

/**
 * reportProgress takes no evidence list yet, so the digest travels in the note,
 * where it is stored in the event and covered by the audit log like any text.
 */
export const noteWithEvidence = (note: string, evidence: readonly Evidence[]): string =>
  [
    note.trim(),
    ...evidence.map(
      (item) => `[佐证材料] ${item.fileName} · SHA-256 ${item.sha256} · ${item.size} B`,
    ),
  ]
    .filter(Boolean)
    .join('\n');
