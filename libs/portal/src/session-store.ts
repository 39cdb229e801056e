import { SessionStore } from '@fastify/session';
import { Session } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

type Callback = (error?: unknown) => void;
type SessionCallback = (error: unknown, session?: Session | null) => void;

declare module 'fastify' {
  /** What a portal session holds: the signed-in person, their language, a one-time notice, the CSRF secret. */
  interface Session {
    accountId?: string;
    signedInAt?: number;
    lang?: 'nl' | 'en';
    notice?: string;
    _csrf?: string;
    /** The till: the partner key's id (never the key), and the last receipt with its answer. */
    partnerKeyId?: string;
    tillReceipt?: string;
    tillAnswer?: string;
  }
}

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url');

/** The store @fastify/session keeps sessions in: the portal_session table. */
export class PostgresSessionStore implements SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fallbackLifetimeMs: number,
  ) {}

  get(sessionId: string, callback: SessionCallback): void {
    this.dataSource
      .query<Array<{ data: Session }>>('SELECT data FROM portal_session WHERE id = $1 AND expires_at > now()', [
        hashOf(sessionId),
      ])
      .then(
        (rows) => callback(null, rows[0]?.data ?? null),
        (error: unknown) => callback(error),
      );
  }

  set(sessionId: string, session: Session, callback: Callback): void {
    const expires = session.cookie.expires
      ? new Date(session.cookie.expires)
      : new Date(Date.now() + this.fallbackLifetimeMs);
    this.dataSource
      .query(
        `INSERT INTO portal_session (id, account_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET account_id = EXCLUDED.account_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [hashOf(sessionId), session.accountId ?? null, JSON.stringify(session), expires],
      )
      .then(() => callback(), callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.dataSource
      .query('DELETE FROM portal_session WHERE id = $1', [hashOf(sessionId)])
      .then(() => callback(), callback);
  }
}
