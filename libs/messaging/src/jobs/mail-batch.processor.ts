import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConcurrencyGate } from '@app/platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Message } from '../messages/message.entity';
import { MESSAGE_OUTCOMES } from '../messages/message-outcome';
import { deliveryJobId } from '../messages/message.service';
import { MessageRepository } from '../messages/message.repository';
import { Outbox } from '../outbox/outbox';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { JobPayloads, QUEUES } from '../queues/queues';
import { MAIL_CONCURRENCY } from './mail-limits';
import { errorCodeOf } from './mail-retry';
import { DispatchOutcome, MessageDispatch } from './message-dispatch';

/** Messages of a fan-out per batch job: one read, one recipients read, one job's bookkeeping for all. */
export const MAIL_BATCH_SIZE = 100;

/**
 * Delivers a fan-out's messages a batch at a time: the batch's queued messages, their recipients
 * and what their render needs in three reads, then sent over the pooled transport. Two batches
 * run at once and share MAIL_CONCURRENCY sends, so the next batch is read while the last sends of
 * one finish. Each send waits for its outcome to be committed (MessageDispatch) before its slot
 * takes the next message. A message's status guards its sending, so a batch run again (a killed
 * worker, a lost job put back by the reconciler) sends only what is still queued; what a crash
 * can repeat is at most one message per send slot: on the wire, or accepted with its outcome
 * not yet committed. A temporary failure becomes a delivery
 * job of its own, retried with the same waits and window as any message.
 */
@Processor(QUEUES.mailBatch, { concurrency: 2, lockDuration: 30_000, stalledInterval: 10_000 })
export class MailBatchProcessor extends QueueProcessor<'mail-batch'> implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers<'mail-batch'> = {
    'deliver-batch': ({ messageIds }, job) => this.deliverOrFail(messageIds, job),
  };
  private readonly logger = new Logger(MailBatchProcessor.name);
  private readonly sends = new ConcurrencyGate(MAIL_CONCURRENCY);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: MessageDispatch,
    private readonly messages: MessageRepository,
    private readonly outbox: Outbox,
    @InjectQueue(QUEUES.mailBatch) private readonly queue: Queue,
  ) {
    super();
  }

  /** The send rate is kept per send (SendRate); a queue-wide limit of an earlier version would only hold batches back. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.removeGlobalRateLimit();
  }

  /** On the job's last attempt the batch's messages still queued fail with a reason, so none stays queued for ever. */
  private async deliverOrFail(
    messageIds: string[],
    job: Job<JobPayloads['mail-batch']['deliver-batch']>,
  ): Promise<Record<string, number>> {
    try {
      return await this.deliver(messageIds, job);
    } catch (error) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      this.logger.error(
        { batch: job.id, outcome: MESSAGE_OUTCOMES.failedError, error: errorCodeOf(error) },
        'batch not delivered',
      );
      await this.messages.failQueued(messageIds, MESSAGE_OUTCOMES.failedError);
      return { failed: messageIds.length };
    }
  }

  private async deliver(
    messageIds: string[],
    job: Job<JobPayloads['mail-batch']['deliver-batch']>,
  ): Promise<Record<string, number>> {
    const messages = await this.messages.queuedOf(messageIds);
    const [recipients] = await Promise.all([this.dispatcher.recipientsOf(messages), this.dispatcher.preload(messages)]);
    const dueAt = job.timestamp + (job.opts.delay ?? 0);
    const outcomes: Record<string, number> = { alreadyHandled: messageIds.length - messages.length };
    // Settled, not raced: a failed batch is retried only once none of its sends is still running.
    const settled = await Promise.allSettled(
      messages.map((message) =>
        this.sends.run(async () => {
          const outcome = await this.dispatcher.dispatch(message, recipients.get(message.id) ?? null, dueAt);
          if (typeof outcome !== 'string') await this.retryAlone(message, outcome, dueAt);
          const name = typeof outcome === 'string' ? outcome : 'retrying';
          outcomes[name] = (outcomes[name] ?? 0) + 1;
        }),
      ),
    );
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    return outcomes;
  }

  /** A temporary failure leaves the batch: the message gets a delivery job of its own, due at the retry time. */
  private async retryAlone(message: Message, outcome: Exclude<DispatchOutcome, string>, dueAt: number): Promise<void> {
    await this.outbox.add(this.dataSource.manager, {
      queue: QUEUES.mail,
      name: 'deliver',
      jobId: deliveryJobId(message.id),
      payload: { messageId: message.id, dueAt },
      runAt: new Date(outcome.retryAt),
    });
  }
}
