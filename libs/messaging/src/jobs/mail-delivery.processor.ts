import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { MESSAGE_OUTCOMES } from '../messages/message-outcome';
import { MessageRepository } from '../messages/message.repository';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { JobPayloads, QUEUES } from '../queues/queues';
import { MAIL_CONCURRENCY } from './mail-limits';
import { errorCodeOf } from './mail-retry';
import { MessageDispatch } from './message-dispatch';

type Outcome = 'sent' | 'skipped' | 'failed' | 'to-print' | 'already-handled' | 'cancelled';

/**
 * Delivers one message: checks it is still due, applies preferences for campaign mail,
 * renders it in the person's language and sends it. Temporary SMTP failures (4xx, lost
 * connections, timeouts) are retried with doubling waits for MAIL_RETRY_HOURS; a 5xx reply
 * fails the message at once. Any other error is retried as a job; on the job's last attempt
 * the message fails with a reason, so no message stays queued for ever.
 */
// Short locks: a crashed worker's mail is picked up again within seconds, not half a minute.
@Processor(QUEUES.mail, { concurrency: MAIL_CONCURRENCY, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailDeliveryProcessor extends QueueProcessor<'mail'> implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers<'mail'> = { deliver: (_data, job, token) => this.deliverOrFail(job, token) };
  private readonly logger = new Logger(MailDeliveryProcessor.name);

  constructor(
    private readonly messages: MessageRepository,
    private readonly dispatcher: MessageDispatch,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
  ) {
    super();
  }

  /**
   * The send rate is kept per send (SendRate), shared with fan-out batches; a queue-wide limit
   * of an earlier version would count jobs that send nothing and let batches send on top.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.removeGlobalRateLimit();
  }

  private async deliverOrFail(job: Job<JobPayloads['mail']['deliver']>, token: string | undefined): Promise<Outcome> {
    try {
      return await this.deliver(job, token);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      this.logger.error(
        { messageId: job.data.messageId, outcome: MESSAGE_OUTCOMES.failedError, error: errorCodeOf(error) },
        'message not delivered',
      );
      await this.messages.finish(job.data.messageId, { status: 'failed', outcome: MESSAGE_OUTCOMES.failedError });
      return 'failed';
    }
  }

  private async deliver(job: Job<JobPayloads['mail']['deliver']>, token: string | undefined): Promise<Outcome> {
    const due = await this.messages.withJobCancellation(job.data.messageId, job.id ?? '');
    if (due?.cancelled) return 'cancelled';
    const message = due?.message;
    if (!message || message.status !== 'queued') return 'already-handled';
    const recipient = (await this.dispatcher.recipientsOf([message])).get(message.id) ?? null;
    // A retry handed over from a batch keeps the time its message was first due.
    const dueAt = job.data.dueAt ?? job.timestamp + (job.opts.delay ?? 0);
    const outcome = await this.dispatcher.dispatch(message, recipient, dueAt);
    if (typeof outcome === 'string') return outcome;
    // A later attempt of the same job: BullMQ's attempt count is for errors outside the mail server.
    await job.moveToDelayed(outcome.retryAt, token);
    throw new DelayedError();
  }
}
