import { createHash, randomBytes } from 'node:crypto';

/** A random token for a link or a session: 256 bits, URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored form of a high-entropy token: its SHA-256, so a database leak reveals none. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
