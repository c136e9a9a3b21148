import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import {
  CheckpointError,
  checkpointText,
  parseCheckpoint,
} from '../../domain/transparency/checkpoint.ts';
import {
  NoteError,
  noteKeyId,
  openNote,
  parseVerifierKey,
  signNote,
  verifierKey,
} from '../../domain/transparency/signed-note.ts';

// The example of golang.org/x/mod/sumdb/note, the reference of c2sp.org/signed-note.
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const goSeed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const goText =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const goSignature =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

const peter = parseVerifierKey(goVerifierKey);
const peterSigner = {
  name: 'PeterNeumann',
  publicKeyRaw: peter.publicKeyRaw,
  privateKey: createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: goSeed.toString('base64url'),
      x: peter.publicKeyRaw.toString('base64url'),
    },
    format: 'jwk',
  }),
};

const otherSigner = (name: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return { name, privateKey, publicKeyRaw: raw };
};

describe('signed notes, as the Go reference writes them', () => {
  it('derive the key ID and the verifier key of the reference', () => {
    expect(noteKeyId('PeterNeumann', peter.publicKeyRaw).toString(16)).toBe('c74f20a3');
    expect(verifierKey('PeterNeumann', peter.publicKeyRaw)).toBe(goVerifierKey);
  });

  it('sign the reference text to the reference note, byte for byte', () => {
    expect(signNote(goText, [peterSigner])).toBe(`${goText}\n${goSignature}`);
  });

  it('open the reference note with its verifier key, ignoring an unknown key’s signature', () => {
    const unknown = signNote(goText, [otherSigner('EnochRoot')]).slice(goText.length + 1);
    const opened = openNote(`${goText}\n${goSignature}${unknown}`, [peter]);
    expect(opened.text).toBe(goText);
    expect(opened.verifiedBy.map((key) => key.name)).toEqual(['PeterNeumann']);
  });

  it.each([
    [
      'a changed text',
      `${goText.replace('cryptography', 'Cryptography')}\n${goSignature}`,
      'does not hold',
    ],
    [
      'no signature of a known key',
      signNote(goText, [otherSigner('PeterNeumann')]),
      'no signature of a known key',
    ],
    ['no blank line before the signatures', `${goText}${goSignature}`, 'blank line'],
    ['a malformed signature line', `${goText}\n— PeterNeumann\n`, 'signature line'],
  ])('refuse %s', (_, note, message) => {
    expect(() => openNote(note, [peter])).toThrow(NoteError);
    expect(() => openNote(note, [peter])).toThrow(message);
  });

  it.each([
    ['another key ID', goVerifierKey.replace('c74f20a3', 'c74f20a4')],
    ['a name with a space', `Peter Neumann+c74f20a3+${goVerifierKey.split('+')[2]}`],
    [
      'another signature type',
      'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ],
  ])('refuse a verifier key with %s', (_, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(NoteError);
  });
});

describe('checkpoints', () => {
  const root = Buffer.alloc(32, 7);

  it('are the origin, the size in decimal and the root in base64, one per line', () => {
    const text = checkpointText({
      origin: 'example.com/log',
      size: 1005,
      rootHash: root,
      extensions: [],
    });
    expect(text).toBe(`example.com/log\n1005\n${root.toString('base64')}\n`);
    expect(parseCheckpoint(text)).toEqual({
      origin: 'example.com/log',
      size: 1005,
      rootHash: root,
      extensions: [],
    });
  });

  it('keep extension lines', () => {
    const text = checkpointText({ origin: 'o', size: 0, rootHash: root, extensions: ['ext a'] });
    expect(parseCheckpoint(text).extensions).toEqual(['ext a']);
  });

  it.each([
    ['a size with a leading zero', `o\n012\n${root.toString('base64')}\n`],
    ['a root that is not 32 bytes', `o\n12\n${Buffer.alloc(31).toString('base64')}\n`],
    ['no origin', `\n12\n${root.toString('base64')}\n`],
    ['no final newline', `o\n12\n${root.toString('base64')}`],
  ])('refuse %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(CheckpointError);
  });
});
