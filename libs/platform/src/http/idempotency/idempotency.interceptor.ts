import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Repository } from 'typeorm';
import { RequestContext } from '../../context/request-context';
import { FieldCipher } from '../../crypto/field-cipher';
import { preparedQuery } from '../../database/prepared-query';
import { DomainError } from '../domain-error';
import { holdClaim, IdempotencyClaim } from './idempotency-claim';
import { IdempotencyRecord } from './idempotency-record.entity';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;
/** How long a request holds its key; longer than any request runs, short enough for a client's retry after a crash. */
const LEASE_SECONDS = 120;

/**
 * Idempotency-Key handling for POSTs. The first request claims the key (a unique row) and runs;
 * its work's transaction marks the key as it commits (IdempotencyCommitMark), and its answer is
 * stored encrypted. A repeat with the same key and body gets that answer again, a different body
 * 422, a repeat while the first still runs 409. A request that crashed before its work committed
 * leaves an unmarked key, which the next repeat takes over once the lease has passed; a marked
 * key is never run again, even when its answer could not be stored.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    @InjectRepository(IdempotencyRecord) private readonly records: Repository<IdempotencyRecord>,
    private readonly context: RequestContext,
    private readonly cipher: FieldCipher,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    return from(this.handle(execution, next, request, key));
  }

  private async handle(
    execution: ExecutionContext,
    next: CallHandler,
    request: FastifyRequest,
    key: string | string[],
  ): Promise<unknown> {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError('INVALID_IDEMPOTENCY_KEY', 400, {
        nl: 'Idempotency-Key moet 8 tot 200 letters, cijfers of . _ : - zijn',
        en: 'Idempotency-Key must be 8 to 200 letters, digits or . _ : -',
      });
    }
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    const scope = this.scopeOf(request);
    const requestHash = createHash('sha256')
      .update(
        `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.body ?? null)}`,
      )
      .digest('hex');

    const recordId =
      (await this.claim(scope, key, requestHash)) ?? (await this.replayOrTakeOver(scope, key, requestHash, reply));
    if (typeof recordId !== 'string') return recordId.answer;

    const claim: IdempotencyClaim = { recordId, marked: false };
    holdClaim(claim);
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // Nothing committed: the key is free again for a retry. Committed work keeps its mark.
      await this.records.query('DELETE FROM idempotency_record WHERE id = $1 AND work_committed_at IS NULL', [
        recordId,
      ]);
      throw error;
    }
    try {
      // Work without a transaction of its own is done by now too: work_committed_at is set if it was not.
      await preparedQuery(
        this.records.manager,
        `UPDATE idempotency_record SET status_code = $2, response_sealed = $3, completed_at = now(),
                work_committed_at = coalesce(work_committed_at, now())
          WHERE id = $1`,
        [recordId, reply.statusCode, this.cipher.encrypt(JSON.stringify(body ?? null))],
      );
    } catch (error) {
      // The client still gets its answer; a repeat learns the work was done (IDEMPOTENCY_ANSWER_LOST).
      this.logger.warn({ error: (error as Error).message }, 'idempotent answer not stored');
      // Ends the lease, so a repeat hears at once that the work was done rather than that it still runs.
      await this.records
        .query('UPDATE idempotency_record SET lease_expires_at = now() WHERE id = $1', [recordId])
        .catch(() => undefined);
    }
    return body;
  }

  /** The id of a new claim on the key, or null when the key is known already. */
  private async claim(scope: string, key: string, requestHash: string): Promise<string | null> {
    // Prepared plain SQL: every idempotent POST runs it.
    const inserted = await preparedQuery<{ id: string }>(
      this.records.manager,
      `INSERT INTO idempotency_record (scope, key, request_hash, lease_expires_at)
       VALUES ($1, $2, $3, now() + interval '${LEASE_SECONDS} seconds')
       ON CONFLICT DO NOTHING RETURNING id`,
      [scope, key, requestHash],
    );
    return inserted[0]?.id ?? null;
  }

  private async replayOrTakeOver(
    scope: string,
    key: string,
    requestHash: string,
    reply: FastifyReply,
  ): Promise<string | { answer: unknown }> {
    const [record] = await this.records.query<
      Array<
        Pick<IdempotencyRecord, 'id' | 'requestHash' | 'statusCode' | 'responseSealed' | 'workCommittedAt'> & {
          leaseActive: boolean;
        }
      >
    >(
      `SELECT id, request_hash AS "requestHash", status_code AS "statusCode", response_sealed AS "responseSealed",
              work_committed_at AS "workCommittedAt", lease_expires_at > now() AS "leaseActive"
         FROM idempotency_record WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!record) throw inProgress();
    if (record.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422, {
        nl: 'Deze Idempotency-Key is gebruikt voor een ander verzoek.',
        en: 'This Idempotency-Key was used for a different request.',
      });
    }
    if (record.responseSealed !== null && record.statusCode !== null) {
      void reply.status(record.statusCode).header('idempotent-replayed', 'true');
      return { answer: JSON.parse(this.cipher.decrypt(record.responseSealed)) as unknown };
    }
    if (record.leaseActive) throw inProgress();
    if (record.workCommittedAt !== null) {
      throw new DomainError('IDEMPOTENCY_ANSWER_LOST', 409, {
        nl: 'Dit verzoek is al uitgevoerd, maar het antwoord is niet bewaard. Het wordt niet nog eens uitgevoerd.',
        en: 'This request was carried out, but its answer was not kept. It will not be carried out again.',
      });
    }
    // A claim whose lease has passed without any committed work belongs to a request that crashed.
    // An UPDATE answers [rows, count].
    const [[taken]] = await this.records.query<[Array<{ id: string }>, number]>(
      `UPDATE idempotency_record SET lease_expires_at = now() + interval '${LEASE_SECONDS} seconds'
        WHERE id = $1 AND work_committed_at IS NULL AND lease_expires_at <= now() RETURNING id`,
      [record.id],
    );
    if (!taken) throw inProgress();
    return taken.id;
  }

  private scopeOf(request: FastifyRequest): string {
    const actor = this.context.optionalActor();
    return actor ? `${actor.role}:${actor.id}` : `anonymous:${request.ip}`;
  }
}

function inProgress(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_IN_PROGRESS',
    409,
    {
      nl: 'Een verzoek met deze Idempotency-Key wordt nog verwerkt.',
      en: 'A request with this Idempotency-Key is still being processed.',
    },
    [],
    { 'retry-after': '1' },
  );
}
