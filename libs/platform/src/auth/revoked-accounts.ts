import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config';
import { DomainError } from '../http/domain-error';

/** How often each process reads revocations from Postgres: a revocation is honoured within this (plus a query). */
const REFRESH_EVERY_MS = 2000;
/** A list not refreshed for this long is in doubt: tokens are then refused rather than trusted. */
const STALE_AFTER_MS = 10_000;

/**
 * Accounts whose access tokens stop working before they expire: disabled accounts, a password
 * reset, erased people. Postgres holds the truth (`account.tokens_valid_after`); every API
 * process keeps the revocations of the last access-token lifetime in memory and reads newer
 * ones every two seconds, so no request waits on a lookup and a revocation holds everywhere
 * within five seconds. A token issued at or before its account's revocation is refused; while
 * the list cannot be refreshed, every token is refused (503) rather than trusted.
 */
@Injectable()
export class RevokedAccounts implements OnApplicationShutdown {
  private readonly logger = new Logger(RevokedAccounts.name);
  private readonly validAfter = new Map<string, number>();
  private seenUpTo = new Date(0);
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private started?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Reading starts with the first token checked: processes that check none (worker, CLI) never poll. */
  private start(): Promise<void> {
    this.started ??= this.refreshQuietly().then(() => {
      this.timer = setInterval(() => void this.refreshQuietly(), REFRESH_EVERY_MS);
      this.timer.unref();
    });
    return this.started;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  /** Ends the account's access tokens issued until now, in the caller's transaction when given one. */
  async revoke(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE account SET tokens_valid_after = now() WHERE id = $1', [accountId]);
    this.noteRevoked(accountId);
  }

  /** This process refuses the account's current tokens at once; the others within seconds. */
  noteRevoked(accountId: string): void {
    this.validAfter.set(accountId, Date.now());
  }

  /** Whether a token of the account issued at `issuedAtMs` is refused. */
  async isRevoked(accountId: string, issuedAtMs: number): Promise<boolean> {
    await this.start();
    // A monotonic clock: a wall clock set back or forward must not make the list look fresh or stale.
    if (performance.now() - this.refreshedAt > STALE_AFTER_MS)
      throw new DomainError('SERVICE_UNAVAILABLE', 503, {
        nl: 'Inloggen kan nu niet worden gecontroleerd; probeer het zo opnieuw.',
        en: 'Sign-ins cannot be checked right now; try again shortly.',
      });
    const after = this.validAfter.get(accountId);
    return after !== undefined && issuedAtMs <= after;
  }

  private refreshQuietly(): Promise<void> {
    this.refreshing ??= this.refresh()
      .catch((error: Error) => this.logger.warn({ error: error.message }, 'revocations not refreshed'))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refresh(): Promise<void> {
    const startedMonotonic = performance.now();
    const started = Date.now();
    const horizon = new Date(started - (this.config.auth.accessTokenTtlSeconds + 60) * 1000);
    const since = this.seenUpTo > horizon ? this.seenUpTo : horizon;
    const rows = await this.dataSource.query<Array<{ id: string; tokens_valid_after: Date }>>(
      'SELECT id, tokens_valid_after FROM account WHERE tokens_valid_after >= $1',
      [since],
    );
    for (const row of rows) {
      this.validAfter.set(row.id, row.tokens_valid_after.getTime());
      if (row.tokens_valid_after > this.seenUpTo) this.seenUpTo = row.tokens_valid_after;
    }
    // Revocations older than a token's lifetime refuse nothing any more.
    for (const [id, after] of this.validAfter) if (after < horizon.getTime()) this.validAfter.delete(id);
    this.refreshedAt = startedMonotonic;
  }
}
