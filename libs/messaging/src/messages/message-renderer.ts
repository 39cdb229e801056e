import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, ExpiringCache } from '@app/platform';
import { DataSource } from 'typeorm';
import { Fanout } from '../fanout/fanout.entity';
import { LinkTokens } from '../links/link-tokens';
import { Message } from './message.entity';
import { MessageKinds, RenderedMail } from './message-kinds';
import { Recipient } from './recipients';

export const UNSUBSCRIBE_PURPOSE = 'unsubscribe';
const UNSUBSCRIBE_LIFETIME_SECONDS = 365 * 24 * 3600;

/** A message made ready to read: its text, and the unsubscribe link campaign mail carries. */
export interface ReadyMessage extends RenderedMail {
  unsubscribeLink: string;
}

/**
 * Renders a message in its person's language, as a mail or as a letter: the same text either
 * way. Rendered when it goes out, never stored, since a text can hold a code or a link that
 * acts for the person.
 */
@Injectable()
export class MessageRenderer {
  /** A fan-out's shared parameters never change after it starts; its messages read them once. */
  private readonly fanoutParams = new ExpiringCache<object>(60_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: MessageKinds,
    private readonly linkTokens: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  /** Lets each kind read, in one query, what the render of a batch of its messages needs. */
  async preload(messages: Message[]): Promise<void> {
    const idsByKind = new Map<string, string[]>();
    for (const message of messages) idsByKind.set(message.kind, [...(idsByKind.get(message.kind) ?? []), message.id]);
    await Promise.all([...idsByKind].map(async ([kind, ids]) => this.kinds.get(kind).preload?.(ids)));
  }

  async render(message: Message, recipient: Recipient): Promise<ReadyMessage> {
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
    const rendered = await this.kinds.get(message.kind).render({
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
    return { ...rendered, unsubscribeLink };
  }
}
