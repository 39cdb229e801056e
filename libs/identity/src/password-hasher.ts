import { ConcurrencyGate } from '@app/platform';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * argon2id from OWASP's table of equivalent settings, the one with the least memory (7 MiB,
 * 5 passes, 1 lane): about a tenth of the library's defaults (64 MiB, 3 passes, 4 lanes) in CPU
 * per sign-in, so a crowd signing in when popular slots open is served in seconds, and with
 * no more hashes at once than cores the API stays small (docs/performance.md).
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 7_168,
  timeCost: 5,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;
  /**
   * Hashing is CPU-bound: more at once than there are cores adds no sign-ins per second, only
   * memory (libuv would run four); the rest wait their turn.
   */
  private readonly gate = new ConcurrencyGate(availableParallelism());

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
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
      const stored = hash ?? (await this.dummyHash);
      const matches = await this.gate.run(() => argon2.verify(stored, password));
      return hash !== null && matches;
    } catch {
      return false;
    }
  }
}
