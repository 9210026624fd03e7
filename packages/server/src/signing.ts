// HMAC-SHA256 over WebCrypto (Node, edge runtimes, workers): one key per purpose, derived from the
// session secret, so a value signed for one purpose never verifies for another.
const encoder = new TextEncoder();

export interface Signer {
  sign(text: string): Promise<string>;
  /** Constant-time (WebCrypto's verify). */
  verify(text: string, mac: string): Promise<boolean>;
}

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 1 mod 4 is no base64 at all (atob would throw).
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function hmacKey(material: BufferSource): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

export async function createSigner(secret: string, purpose: string): Promise<Signer> {
  const root = await hmacKey(encoder.encode(secret));
  const derived = await crypto.subtle.sign('HMAC', root, encoder.encode(`show ${purpose} v1`));
  const key = await hmacKey(derived);
  return {
    async sign(text) {
      return toBase64Url(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
    },
    async verify(text, mac) {
      const bytes = fromBase64Url(mac);
      if (!bytes || bytes.byteLength !== 32) return false;
      return crypto.subtle.verify('HMAC', key, bytes, encoder.encode(text));
    },
  };
}

export function randomId(bytes = 16): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)).buffer);
}

export function encodeText(text: string): string {
  return toBase64Url(encoder.encode(text).buffer as ArrayBuffer);
}

export function decodeText(text: string): string | undefined {
  const bytes = fromBase64Url(text);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
