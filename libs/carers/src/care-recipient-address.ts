import { Injectable } from '@nestjs/common';
import { normalizePostcode } from '@app/identity';
import { AppConfig, ValidationFailedError } from '@app/platform';
import { createHmac } from 'node:crypto';

/**
 * The cared-for person's address as a keyed hash (HMAC-SHA-256 under a key derived from the
 * token signing secret): equal addresses give equal hashes, and without the key nobody can
 * test addresses against them.
 */
@Injectable()
export class CareRecipientAddress {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.auth.signingSecret).update('care-recipient-address').digest();
  }

  /** Null when neither is given; both are needed together. */
  hashOf(postcode: string | undefined, houseNumber: string | undefined): string | null {
    if (postcode === undefined && houseNumber === undefined) return null;
    const normalized = postcode ? normalizePostcode(postcode) : null;
    if (!normalized || !houseNumber?.trim())
      throw new ValidationFailedError([
        { field: 'careRecipientPostcode', message: 'careRecipientPostcode and careRecipientHouseNumber go together' },
      ]);
    const house = houseNumber.trim().toUpperCase().replace(/\s+/g, '');
    return createHmac('sha256', this.key).update(`${normalized}|${house}`).digest('hex');
  }
}
