import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AudienceSources } from '../fanout/audience-sources';
import { Fanout } from '../fanout/fanout.entity';
import { firstState } from '../messages/first-state';
import { Message } from '../messages/message.entity';
import { MessageKinds } from '../messages/message-kinds';
import { scopedDedupeKey } from '../messages/recipients';
import { Outbox } from '../outbox/outbox';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { QUEUES } from '../queues/queues';
import { MAIL_BATCH_SIZE } from './mail-batch.processor';

const PAGE_SIZE = 1000;

/**
 * Expands a fan-out page by page: each page's messages, their delivery jobs (a batch of
 * messages each) and the cursor commit together. A restarted expansion continues after the cursor, and the
 * unique dedupe key (fan-out or its dedupe scope, person) keeps it at one message per person
 * regardless. The kind's onFanoutPage hook records what the messages stand for in the same
 * transaction.
 */
@Processor(QUEUES.fanout, { concurrency: 2, lockDuration: 15_000, stalledInterval: 5_000 })
export class FanoutExpansionProcessor extends QueueProcessor<'fanout'> {
  protected readonly handlers: JobHandlers<'fanout'> = { expand: ({ fanoutId }, job) => this.expand(fanoutId, job) };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: AudienceSources,
    private readonly kinds: MessageKinds,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  private async expand(fanoutId: string, job: Job): Promise<{ expanded: number }> {
    const fanouts = this.dataSource.getRepository(Fanout);
    const fanout = await fanouts.findOneBy({ id: fanoutId });
    if (!fanout || fanout.expandedAt) return { expanded: 0 };
    const source = this.sources.get(fanout.audience.source);
    const kind = this.kinds.get(fanout.kind);
    const scope = fanout.dedupeScope ?? `fanout:${fanout.id}`;
    if (fanout.total === null) {
      fanout.total = await source.count(fanout.municipalityId, fanout.audience.filter, fanout.dedupeScope);
      await fanouts.update(fanout.id, { total: fanout.total });
    }

    let cursor = fanout.cursor;
    let expanded = 0;
    for (;;) {
      const recipients = await source.page(
        fanout.municipalityId,
        fanout.audience.filter,
        cursor,
        PAGE_SIZE,
        fanout.dedupeScope,
      );
      if (recipients.length === 0) break;
      await this.dataSource.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(Message)
          .values(
            recipients.map((recipient) => ({
              municipalityId: fanout.municipalityId,
              accountId: recipient.accountId,
              kind: fanout.kind,
              category: kind.category,
              channel: recipient.channel,
              toAddress: recipient.email,
              language: recipient.language,
              params: {},
              fanoutId: fanout.id,
              dedupeKey: scopedDedupeKey(scope, recipient.accountId),
              ...firstState(recipient.channel, kind.category, recipient.campaignOptOut),
            })),
          )
          .orIgnore()
          .returning(['id', 'accountId', 'status'])
          .execute();
        const rows = inserted.raw as Array<{ id: string; account_id: string; status: string }>;
        const messaged = rows.map((row) => ({ messageId: row.id, accountId: row.account_id }));
        const ids = rows.filter((row) => row.status === 'queued').map((row) => row.id);
        if (messaged.length > 0 && kind.onFanoutPage) await kind.onFanoutPage(manager, fanout, messaged);
        // Delivered in batches: one job, one read and one recipients read for many messages.
        const batches: string[][] = [];
        for (let start = 0; start < ids.length; start += MAIL_BATCH_SIZE)
          batches.push(ids.slice(start, start + MAIL_BATCH_SIZE));
        await this.outbox.addMany(
          manager,
          batches.map((messageIds) => ({
            queue: QUEUES.mailBatch,
            name: 'deliver-batch' as const,
            jobId: `batch.${messageIds[0]}`,
            payload: { messageIds },
          })),
        );
        cursor = recipients[recipients.length - 1].accountId;
        await manager.getRepository(Fanout).update(fanout.id, { cursor });
      });
      expanded += recipients.length;
      await job.updateProgress({ expanded });
    }
    // The audience may have changed while it was expanded; the messages written are the truth.
    await this.dataSource.query(
      `UPDATE fanout SET total = (SELECT count(*) FROM message WHERE fanout_id = $1), expanded_at = now(), updated_at = now() WHERE id = $1`,
      [fanout.id],
    );
    return { expanded };
  }
}
