import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with OWASP's second recommended set (19 MiB, 2 passes, 1 lane): about a tenth of the
 * library's defaults (64 MiB, 3 passes, 4 lanes) in CPU and memory per sign-in, so a crowd
 * signing in when popular slots open is served in seconds, not half a minute.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, PASSWORD_HASH_OPTIONS);
  }

  /** Whether a stored hash was made with other parameters (older ones), and should be made again. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
    } catch {
      return false;
    }
  }

  /** Without a stored hash it still does a full verification, so timing does not tell which accounts exist. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('hex'));
    try {
      const matches = await argon2.verify(hash ?? (await this.dummyHash), password);
      return hash !== null && matches;
    } catch {
      return false;
    }
  }
}
