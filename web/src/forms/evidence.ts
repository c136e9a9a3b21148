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
