import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { MailTransport } from '../mail/mail-transport';
import { SendRate } from '../mail/send-rate';
import { MessageKinds } from '../messages/message-kinds';
import { MESSAGE_OUTCOMES, MessageOutcome } from '../messages/message-outcome';
import { DeliveryResult, MessageRepository } from '../messages/message.repository';
import { DeliveryOutcomes } from './delivery-outcomes';
import { MessageRenderer } from '../messages/message-renderer';
import { Recipient, RecipientDirectory } from '../messages/recipients';
import { Message } from '../messages/message.entity';
import { errorCodeOf, isPermanent, replyCodeOf, retryDelayMs } from './mail-retry';

/** What became of one attempt: done one way or another, or to be tried again at a time. */
export type DispatchOutcome = 'sent' | 'skipped' | 'failed' | 'to-print' | { retryAt: number };

/**
 * Sends one queued message: applies preferences for campaign mail, renders it in the person's
 * language and sends it, recording the outcome before it returns, so a crash repeats at most the
 * message its caller has in flight (DeliveryOutcomes writes the outcomes of sends that end
 * together in one statement). Temporary SMTP failures (4xx, lost connections, timeouts) come back as a time to try
 * again, within MAIL_RETRY_HOURS of when it was due; a 5xx reply fails the message at once.
 * Shared by the delivery of one message and of a fan-out's batch.
 */
@Injectable()
export class MessageDispatch {
  private readonly logger = new Logger(MessageDispatch.name);

  constructor(
    private readonly messages: MessageRepository,
    private readonly outcomes: DeliveryOutcomes,
    private readonly renderer: MessageRenderer,
    private readonly kinds: MessageKinds,
    private readonly recipients: RecipientDirectory,
    private readonly transport: MailTransport,
    private readonly rate: SendRate,
    private readonly config: AppConfig,
  ) {}

  /** What the render of a batch of messages needs, read once for all of them. */
  preload(messages: Message[]): Promise<void> {
    return this.renderer.preload(messages);
  }

  /** The recipients of messages, in one read: by account, or the address a message keeps. */
  async recipientsOf(messages: Message[]): Promise<Map<string, Recipient | null>> {
    const accountIds = [...new Set(messages.flatMap((message) => (message.accountId ? [message.accountId] : [])))];
    const byAccount = await this.recipients.getMany(accountIds);
    const found = new Map<string, Recipient | null>();
    for (const message of messages) {
      const recipient = message.accountId
        ? (byAccount.get(message.accountId) ?? null)
        : this.kinds.get(message.kind).addressOnly
          ? await this.addressed(message)
          : null;
      found.set(message.id, recipient);
    }
    return found;
  }

  /** `dueAt`: when the message was first due; temporary failures are retried until the window after it ends. */
  async dispatch(message: Message, recipient: Recipient | null, dueAt: number): Promise<DispatchOutcome> {
    const kind = this.kinds.get(message.kind);
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
    // Outside the try: Redis away is no failure of the mail server; the message stays queued for a retry.
    await this.rate.acquire();
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
            ? {
                'List-Unsubscribe': `<${rendered.unsubscribeLink}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : undefined,
      });
      return this.finish(message.id, 'sent', { outcome: MESSAGE_OUTCOMES.sent, providerMessageId, sentAt: new Date() });
    } catch (error) {
      const smtpReplyCode = replyCodeOf(error);
      const failures = message.attempts + 1;
      const delay = retryDelayMs(failures, this.config.mail.retry);
      const windowOver = Date.now() + delay > dueAt + this.config.mail.retry.windowMs;
      if (isPermanent(error) || windowOver) {
        const outcome = isPermanent(error) ? MESSAGE_OUTCOMES.failedRejected : MESSAGE_OUTCOMES.failedRetriesExhausted;
        this.logger.warn(
          { messageId: message.id, outcome, smtpReplyCode, attempts: failures, error: errorCodeOf(error) },
          'message not delivered',
        );
        return this.finish(message.id, 'failed', { outcome, smtpReplyCode });
      }
      await this.messages.countFailedAttempt(message.id, smtpReplyCode);
      return { retryAt: Date.now() + delay };
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

  private async finish(
    id: string,
    status: DeliveryResult['status'],
    result: Omit<DeliveryResult, 'status'>,
  ): Promise<DispatchOutcome> {
    await this.outcomes.record(id, { ...result, status });
    return status;
  }
}
