import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Repository } from 'typeorm';
import { RequestContext } from '../../context/request-context';
import { DomainError } from '../domain-error';
import { IdempotencyRecord } from './idempotency-record.entity';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Generic Idempotency-Key handling for POSTs: the first request runs and its answer is
 * stored; a repeat with the same key and body gets that answer again, a different body 422.
 * The unique (scope, key) row makes two simultaneous repeats run the work only once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectRepository(IdempotencyRecord) private readonly records: Repository<IdempotencyRecord>,
    private readonly context: RequestContext,
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

    const inserted = await this.records
      .createQueryBuilder()
      .insert()
      .values({ scope, key, requestHash })
      .orIgnore()
      .returning(['id'])
      .execute();
    const recordId = (inserted.raw as Array<{ id: string }>)[0]?.id;

    if (!recordId) return this.replay(scope, key, requestHash, reply);

    try {
      const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.records.update(recordId, {
        statusCode: reply.statusCode,
        responseBody: body ?? null,
        completedAt: new Date(),
      });
      return body;
    } catch (error) {
      // A failed attempt changed nothing; the client may retry with the same key.
      await this.records.delete(recordId);
      throw error;
    }
  }

  private async replay(scope: string, key: string, requestHash: string, reply: FastifyReply): Promise<unknown> {
    const record = await this.records.findOneByOrFail({ scope, key });
    if (record.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422, {
        nl: 'Deze Idempotency-Key is gebruikt voor een ander verzoek.',
        en: 'This Idempotency-Key was used for a different request.',
      });
    }
    if (record.completedAt === null || record.statusCode === null) {
      throw new DomainError(
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
    void reply.status(record.statusCode).header('idempotent-replayed', 'true');
    return record.responseBody;
  }

  private scopeOf(request: FastifyRequest): string {
    const actor = this.context.optionalActor();
    return actor ? `${actor.role}:${actor.id}` : `anonymous:${request.ip}`;
  }
}
