import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

interface LinkClaims {
  /** Purpose: a token for one action is useless for another. */
  p: string;
  /** Subject, e.g. an account or invitation id. */
  s: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

/** Stateless signed tokens for emailed links (unsubscribe, RSVP, ...): purpose-bound and expiring. */
@Injectable()
export class LinkTokens {
  /** A key object made once: from a Buffer, every HMAC would make one again (a fan-out signs two links a mail). */
  private readonly key: KeyObject;

  constructor(config: AppConfig) {
    this.key = createSecretKey(createHmac('sha256', config.auth.signingSecret).update('link-tokens').digest());
  }

  sign(purpose: string, subject: string, lifetimeSeconds: number): string {
    const claims: LinkClaims = { p: purpose, s: subject, e: Math.floor(Date.now() / 1000) + lifetimeSeconds };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The subject, or null when the token is forged, expired or for another purpose. */
  verify(purpose: string, token: string): string | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkClaims;
      if (claims.p !== purpose || typeof claims.s !== 'string' || claims.e < Date.now() / 1000) return null;
      return claims.s;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
