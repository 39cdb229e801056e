import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, ExpiringCache } from '@app/platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Fanout } from '../fanout/fanout.entity';
import { LinkTokens } from '../links/link-tokens';
import { MailTransport } from '../mail/mail-transport';
import { MessageKinds } from '../messages/message-kinds';
import { MESSAGE_OUTCOMES, MessageOutcome } from '../messages/message-outcome';
import { DeliveryResult, MessageRepository } from '../messages/message.repository';
import { RecipientDirectory } from '../messages/recipients';
import { JobHandlers, QueueProcessor } from '../queues/queue-processor';
import { JobPayloads, QUEUES } from '../queues/queues';
import { MAIL_CONCURRENCY } from './mail-limits';

export const UNSUBSCRIBE_PURPOSE = 'unsubscribe';
const UNSUBSCRIBE_LIFETIME_SECONDS = 365 * 24 * 3600;

type Outcome = 'sent' | 'skipped' | 'failed' | 'already-handled' | 'cancelled';

/** The SMTP reply code of a failed send, when the server answered at all. */
function replyCodeOf(error: unknown): number | null {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? code : null;
}

/** Nodemailer's error code (ECONNECTION, ETIMEDOUT, ...), for the log. */
function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}

/** True for SMTP answers that will not change on retry (5xx). */
function isPermanent(error: unknown): boolean {
  const code = replyCodeOf(error);
  return code !== null && code >= 500 && code < 600;
}

/**
 * Delivers one message: checks it is still due, applies preferences for campaign mail,
 * renders it in the person's language and sends it. Temporary SMTP failures are retried
 * with backoff; permanent ones are recorded and not retried.
 */
// Short locks: a crashed worker's mail is picked up again within seconds, not half a minute.
@Processor(QUEUES.mail, { concurrency: MAIL_CONCURRENCY, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailDeliveryProcessor extends QueueProcessor<'mail'> implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers<'mail'> = { deliver: (_data, job) => this.deliver(job) };
  private readonly logger = new Logger(MailDeliveryProcessor.name);
  /** A fan-out's shared parameters never change after it starts; its messages read them once. */
  private readonly fanoutParams = new ExpiringCache<object>(60_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly kinds: MessageKinds,
    private readonly recipients: RecipientDirectory,
    private readonly transport: MailTransport,
    private readonly linkTokens: LinkTokens,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
  ) {
    super();
  }

  /** The send rate is one limit for all workers together (MAIL_RATE_PER_SECOND). */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.setGlobalRateLimit(this.config.mail.ratePerSecond, 1000);
  }

  private async deliver(job: Job<JobPayloads['mail']['deliver']>): Promise<Outcome> {
    const due = await this.messages.withJobCancellation(job.data.messageId, job.id ?? '');
    if (due?.cancelled) return 'cancelled';
    const message = due?.message;
    if (!message || message.status !== 'queued') return 'already-handled';

    const kind = this.kinds.get(message.kind);
    const recipient = message.accountId ? await this.recipients.get(message.accountId) : null;
    const skipReason: MessageOutcome | null = !recipient
      ? MESSAGE_OUTCOMES.skippedRecipientGone
      : kind.category === 'campaign' && recipient.campaignOptOut
        ? MESSAGE_OUTCOMES.skippedOptedOut
        : kind.category === 'campaign' && recipient.channel === 'post'
          ? MESSAGE_OUTCOMES.skippedPost
          : !message.toAddress
            ? MESSAGE_OUTCOMES.skippedNoEmailAddress
            : null;
    if (skipReason || !recipient) {
      return this.finish(message.id, 'skipped', { outcome: skipReason ?? MESSAGE_OUTCOMES.skippedRecipientGone });
    }

    const shared = message.fanoutId
      ? await this.fanoutParams.get(
          message.fanoutId,
          async () => (await this.dataSource.getRepository(Fanout).findOneBy({ id: message.fanoutId! }))?.params ?? {},
        )
      : {};
    const base = this.config.http.baseUrl;
    const link = (path: string, token: string) =>
      `${base}/${path}?token=${encodeURIComponent(token)}&lang=${message.language}`;
    const unsubscribeLink = link(
      'unsubscribe',
      this.linkTokens.sign(UNSUBSCRIBE_PURPOSE, recipient.accountId, UNSUBSCRIBE_LIFETIME_SECONDS),
    );
    const rendered = await kind.render({
      messageId: message.id,
      accountId: recipient.accountId,
      language: message.language,
      displayName: recipient.displayName,
      senderName: recipient.senderName,
      params: { ...shared, ...message.params },
      link,
      siteUrl: base,
      unsubscribeLink,
    });

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
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const smtpReplyCode = replyCodeOf(error);
      if (isPermanent(error) || lastAttempt) {
        const outcome = isPermanent(error) ? MESSAGE_OUTCOMES.failedRejected : MESSAGE_OUTCOMES.failedRetriesExhausted;
        this.logger.warn(
          { messageId: message.id, outcome, smtpReplyCode, error: errorCodeOf(error) },
          'message not delivered',
        );
        return this.finish(message.id, 'failed', { outcome, smtpReplyCode });
      }
      await this.messages.countAttempt(message.id);
      throw error;
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
