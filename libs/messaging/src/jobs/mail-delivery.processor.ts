import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, ExpiringCache } from '@app/platform';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Fanout } from '../fanout/fanout.entity';
import { LinkTokens } from '../links/link-tokens';
import { MailTransport } from '../mail/mail-transport';
import { Message } from '../messages/message.entity';
import { MessageKinds } from '../messages/message-kinds';
import { RecipientDirectory } from '../messages/recipients';
import { OutboxEntry } from '../outbox/outbox-entry.entity';
import { JobPayloads, QUEUES } from '../queues/queues';
import { MAIL_CONCURRENCY } from './mail-limits';

export const UNSUBSCRIBE_PURPOSE = 'unsubscribe';
const UNSUBSCRIBE_LIFETIME_SECONDS = 365 * 24 * 3600;

type Outcome = 'sent' | 'skipped' | 'failed' | 'already-handled' | 'cancelled';

/** True for SMTP answers that will not change on retry (5xx). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Delivers one message: checks it is still due, applies preferences for campaign mail,
 * renders it in the person's language and sends it. Temporary SMTP failures are retried
 * with backoff; permanent ones are recorded and not retried.
 */
// Short locks: a crashed worker's mail is picked up again within seconds, not half a minute.
@Processor(QUEUES.mail, { concurrency: MAIL_CONCURRENCY, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailDeliveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailDeliveryProcessor.name);
  /** A fan-out's shared parameters never change after it starts; its messages read them once. */
  private readonly fanoutParams = new ExpiringCache<object>(60_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  async process(job: Job<JobPayloads['mail']['deliver']>): Promise<Outcome> {
    const messages = this.dataSource.getRepository(Message);
    const due = await this.dueMessage(job.data.messageId, job.id);
    if (due === 'cancelled') return 'cancelled';
    const message = due;
    if (!message || message.status !== 'queued') return 'already-handled';

    const kind = this.kinds.get(message.kind);
    const recipient = message.accountId ? await this.recipients.get(message.accountId) : null;
    const skipReason = !recipient
      ? 'recipient_gone'
      : kind.category === 'campaign' && recipient.campaignOptOut
        ? 'opted_out'
        : kind.category === 'campaign' && recipient.channel === 'post'
          ? 'post'
          : !message.toAddress
            ? 'no_email_address'
            : null;
    if (skipReason || !recipient) return this.finish(message.id, 'skipped', { outcome: skipReason });

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
      return this.finish(message.id, 'sent', { providerMessageId, sentAt: new Date() });
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = `${(error as { responseCode?: number }).responseCode ?? (error as { code?: string }).code ?? 'error'}`;
      if (isPermanent(error) || lastAttempt) {
        this.logger.warn({ messageId: message.id, reason }, 'message not delivered');
        return this.finish(message.id, 'failed', { outcome: `smtp ${reason}` });
      }
      await messages.increment({ id: message.id }, 'attempts', 1);
      throw error;
    }
  }

  /** The message with its delivery job's cancellation, in one read. */
  private async dueMessage(messageId: string, jobId: string | undefined): Promise<Message | null | 'cancelled'> {
    const [row] = (await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .leftJoin(OutboxEntry, 'entry', 'entry.jobId = :jobId', { jobId: jobId ?? '' })
      .addSelect('entry.cancelledAt IS NOT NULL', 'cancelled')
      .where('message.id = :messageId', { messageId })
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((entity, index) => ({ entity, cancelled: (raw[index] as { cancelled: boolean }).cancelled })),
      )) as Array<{ entity: Message; cancelled: boolean }>;
    if (!row) return null;
    return row.cancelled ? 'cancelled' : row.entity;
  }

  private async finish(
    id: string,
    status: 'sent' | 'skipped' | 'failed',
    changes: { outcome?: string | null; providerMessageId?: string; sentAt?: Date },
  ): Promise<Outcome> {
    await this.dataSource
      .getRepository(Message)
      .createQueryBuilder()
      .update()
      .set({ ...changes, status, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :queued', { id, queued: 'queued' })
      .execute();
    return status;
  }
}
