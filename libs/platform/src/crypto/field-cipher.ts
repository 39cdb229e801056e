import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const ALGORITHM = 'aes-256-gcm';

/**
 * Encrypts health-related free text at rest (AES-256-GCM). Each value names the key it
 * was made with (first 8 hex of the key's hash), so values under an older key still
 * open after FIELD_ENCRYPTION_KEY is rotated, as long as the old key is in
 * FIELD_ENCRYPTION_PREVIOUS_KEYS.
 */
@Injectable()
export class FieldCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly keys: Map<string, Buffer>;

  constructor(config: AppConfig) {
    const all = [config.encryption.fieldKey, ...config.encryption.previousFieldKeys];
    this.keys = new Map(all.map((key) => [keyId(key), key]));
    this.current = { id: keyId(config.encryption.fieldKey), key: config.encryption.fieldKey };
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      this.current.id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [version, id, iv, tag, body] = stored.split(':');
    const key = id ? this.keys.get(id) : undefined;
    if (version !== 'v1' || !key || !iv || !tag || body === undefined)
      throw new Error('Encrypted field cannot be opened with the configured keys');
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Opens a stored column value that may be empty (no notes, or erased). */
  decryptNullable(stored: unknown): string | null {
    return typeof stored === 'string' ? this.decrypt(stored) : null;
  }

  /** True when a value was made with an older key and should be re-encrypted. */
  isStale(stored: string): boolean {
    return !stored.startsWith(this.currentPrefix());
  }

  /** How every value made with the current key starts, for finding stale ones in SQL. */
  currentPrefix(): string {
    return `v1:${this.current.id}:`;
  }
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
