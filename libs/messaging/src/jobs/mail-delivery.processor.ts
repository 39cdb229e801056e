import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { DelayedError, Job, Queue } from 'bullmq';
import { MailTransport } from '../mail/mail-transport';
import { MessageKinds } from '../messages/message-kinds';
import { MESSAGE_OUTCOMES, MessageOutcome } from '../messages/message-outcome';
import { DeliveryResult, MessageRepository } from '../messages/message.repository';
import { MessageRenderer } from '../messages/message-renderer';
import { Recipient, RecipientDirectory } from '../messages/recipients';
import { Message } from '../messages/message.entity';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { JobPayloads, QUEUES } from '../queues/queues';
import { MAIL_CONCURRENCY } from './mail-limits';
import { errorCodeOf, isPermanent, replyCodeOf, retryDelayMs } from './mail-retry';

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
    private readonly renderer: MessageRenderer,
    private readonly kinds: MessageKinds,
    private readonly recipients: RecipientDirectory,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
  ) {
    super();
  }

  /** The send rate is one limit for all workers together (MAIL_RATE_PER_SECOND). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.setGlobalRateLimit(this.config.mail.ratePerSecond, 1000);
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

  /** Someone without an account yet, reached at the address the message row keeps. */
  private async addressed(message: Message): Promise<Recipient | null> {
    const senderName = await this.recipients.senderNameOf(message.municipalityId);
    if (!senderName || !message.toAddress) return null;
    return {
      accountId: '',
      municipalityId: message.municipalityId,
      email: message.toAddress,
      language: message.language,
      channel: 'email',
      campaignOptOut: false,
      mailOptOuts: [],
      displayName: null,
      senderName,
    };
  }

  private async deliver(job: Job<JobPayloads['mail']['deliver']>, token: string | undefined): Promise<Outcome> {
    const due = await this.messages.withJobCancellation(job.data.messageId, job.id ?? '');
    if (due?.cancelled) return 'cancelled';
    const message = due?.message;
    if (!message || message.status !== 'queued') return 'already-handled';

    const kind = this.kinds.get(message.kind);
    const recipient = message.accountId
      ? await this.recipients.get(message.accountId)
      : kind.addressOnly
        ? await this.addressed(message)
        : null;
    const skipReason: MessageOutcome | null = !recipient
      ? MESSAGE_OUTCOMES.skippedRecipientGone
      : kind.category === 'campaign' && (recipient.campaignOptOut || recipient.mailOptOuts.includes(message.kind))
        ? MESSAGE_OUTCOMES.skippedOptedOut
        : !message.toAddress && recipient.channel !== 'post'
          ? MESSAGE_OUTCOMES.skippedNoEmailAddress
          : null;
    if (skipReason || !recipient) {
      return this.finish(message.id, 'skipped', { outcome: skipReason ?? MESSAGE_OUTCOMES.skippedRecipientGone });
    }
    // The person chose post after it was written: it becomes a letter on the print queue.
    if (recipient.channel === 'post') {
      await this.messages.moveToPrintQueue(message.id);
      return 'to-print';
    }

    const rendered = await this.renderer.render(message, recipient);
    const unsubscribeLink = rendered.unsubscribeLink;

    try {
      const providerMessageId = await this.transport.send({
        to: message.toAddress!,
        fromName: recipient.senderName,
        messageId: `<${message.id}@mantelzorg.platform>`,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: rendered.attachments,
        headers:
          kind.category === 'campaign'
            ? { 'List-Unsubscribe': `<${unsubscribeLink}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : undefined,
      });
      return this.finish(message.id, 'sent', { outcome: MESSAGE_OUTCOMES.sent, providerMessageId, sentAt: new Date() });
    } catch (error) {
      const smtpReplyCode = replyCodeOf(error);
      const failures = message.attempts + 1;
      const delay = retryDelayMs(failures, this.config.mail.retry);
      const dueAt = job.timestamp + (job.opts.delay ?? 0);
      const windowOver = Date.now() + delay > dueAt + this.config.mail.retry.windowMs;
      if (isPermanent(error) || windowOver) {
        const outcome = isPermanent(error) ? MESSAGE_OUTCOMES.failedRejected : MESSAGE_OUTCOMES.failedRetriesExhausted;
        this.logger.warn(
          { messageId: message.id, outcome, smtpReplyCode, attempts: failures, error: errorCodeOf(error) },
          'message not delivered',
        );
        return this.finish(message.id, 'failed', { outcome, smtpReplyCode });
      }
      // A later attempt of the same job: BullMQ's attempt count is for errors outside the mail server.
      await this.messages.countFailedAttempt(message.id, smtpReplyCode);
      await job.moveToDelayed(Date.now() + delay, token);
      throw new DelayedError();
    }
  }

  private async finish(
    id: string,
    status: DeliveryResult['status'],
    result: Omit<DeliveryResult, 'status'>,
  ): Promise<Outcome> {
    await this.messages.finish(id, { ...result, status });
    return status;
  }
}
