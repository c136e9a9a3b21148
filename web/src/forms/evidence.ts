import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';

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

/** The files offered (name, size, SHA-256), one per line; nothing when there are none. */
export const evidenceList = (evidence: readonly Evidence[], testId?: string) =>
  evidence.length === 0
    ? null
    : h(
        'ul',
        { class: 'note', ...(testId ? { 'data-testid': testId } : {}) },
        evidence.map((file) =>
          h(
            'li',
            {},
            t('evidenceDigest', { name: file.fileName, size: file.size, hash: file.sha256 }),
          ),
        ),
      );
