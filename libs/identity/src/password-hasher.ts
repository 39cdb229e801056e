import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's (OWASP-aligned) defaults. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
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
