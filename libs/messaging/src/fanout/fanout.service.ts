import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, RequestContext } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Message } from '../messages/message.entity';
import { MessageKinds } from '../messages/message-kinds';
import { Outbox } from '../outbox/outbox';
import { QUEUES } from '../queues/queues';
import { AudienceSources } from './audience-sources';
import { Audience, Fanout } from './fanout.entity';

export interface FanoutProgress {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  toPrint: number;
  done: boolean;
}

/** Starts fan-outs (inside the caller's transaction) and reports their progress. */
@Injectable()
export class FanoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly kinds: MessageKinds,
    private readonly sources: AudienceSources,
    private readonly context: RequestContext,
  ) {}

  /** Started by the signed-in person, or by the platform itself for a municipality (a scheduled announcement). */
  async start(
    manager: EntityManager,
    input: { kind: string; audience: Audience; params?: Record<string, unknown>; dedupeScope?: string },
    byPlatformFor?: { municipalityId: string },
  ): Promise<Fanout> {
    this.kinds.get(input.kind);
    this.sources.get(input.audience.source);
    if (input.dedupeScope !== undefined && !/^[A-Za-z0-9._-]{1,120}$/.test(input.dedupeScope))
      throw new Error(`Invalid dedupe scope ${input.dedupeScope}`);
    const actor = byPlatformFor ? { id: null, municipalityId: byPlatformFor.municipalityId } : this.context.actor();
    const fanout = await manager.getRepository(Fanout).save(
      manager.getRepository(Fanout).create({
        municipalityId: actor.municipalityId,
        kind: input.kind,
        audience: input.audience,
        params: input.params ?? {},
        dedupeScope: input.dedupeScope ?? null,
        createdBy: actor.id,
      }),
    );
    await this.outbox.add(manager, {
      queue: QUEUES.fanout,
      name: 'expand',
      jobId: `fanout.${fanout.id}`,
      payload: { fanoutId: fanout.id },
    });
    return fanout;
  }

  async get(fanoutId: string): Promise<Fanout> {
    const fanout = await this.dataSource
      .getRepository(Fanout)
      .findOneBy({ id: fanoutId, municipalityId: this.context.municipalityId() });
    if (!fanout) throw new NotFoundError({ nl: 'De verzending', en: 'The fan-out' });
    return fanout;
  }

  /** The people of a fan-out who get it on paper, a page at a time (ordered by account id). */
  async postRecipients(
    fanoutId: string,
    afterAccountId: string | null,
    limit: number,
  ): Promise<Array<{ accountId: string; language: string }>> {
    await this.get(fanoutId);
    const query = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .select('message.accountId', 'accountId')
      .addSelect('message.language', 'language')
      .where('message.fanoutId = :fanoutId AND message.channel = :post AND message.accountId IS NOT NULL', {
        fanoutId,
        post: 'post',
      })
      .orderBy('message.accountId', 'ASC')
      .limit(limit);
    if (afterAccountId) query.andWhere('message.accountId > :afterAccountId', { afterAccountId });
    return query.getRawMany();
  }

  async progress(fanoutId: string): Promise<FanoutProgress> {
    const fanout = await this.get(fanoutId);
    const rows = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .select('message.status', 'status')
      .addSelect('count(*)::int', 'count')
      .where('message.fanoutId = :fanoutId', { fanoutId })
      .groupBy('message.status')
      .getRawMany<{ status: string; count: number }>();
    const count = (status: string) => rows.find((row) => row.status === status)?.count ?? 0;
    return {
      total: fanout.total ?? 0,
      sent: count('sent'),
      failed: count('failed'),
      skipped: count('skipped'),
      toPrint: count('to_print'),
      done: fanout.expandedAt !== null && count('queued') === 0,
    };
  }
}
