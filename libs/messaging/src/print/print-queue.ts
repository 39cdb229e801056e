import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQuery, paginate, RequestContext } from '@app/platform';
import { DataSource, In } from 'typeorm';
import { Message } from '../messages/message.entity';
import { MESSAGE_OUTCOMES } from '../messages/message-outcome';
import { MessageRenderer } from '../messages/message-renderer';
import { PostalAddress, PostalAddressBook, RecipientDirectory } from '../messages/recipients';

/** A letter waiting to be printed, with where it goes. */
export interface WaitingLetter {
  message: Message;
  address: PostalAddress | null;
}

/** A letter ready to print: the message's own text in its person's language. */
export interface PrintableLetter extends WaitingLetter {
  subject: string;
  text: string;
  senderName: string;
}

/**
 * The letters for people whose channel is post: every kind of message to them lands here
 * (status `to_print`), staff print them and mark them printed, which counts as sent.
 */
@Injectable()
export class PrintQueue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderer: MessageRenderer,
    private readonly recipients: RecipientDirectory,
    private readonly context: RequestContext,
    @Optional() private readonly addressBook?: PostalAddressBook,
  ) {}

  /** Letters of the acting municipality waiting to be printed, newest first. */
  async waiting(page: PageQuery): Promise<Page<WaitingLetter>> {
    const query = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .where("message.status = 'to_print'")
      .andWhere('message.municipalityId = :municipalityId', { municipalityId: this.context.municipalityId() });
    const found = await paginate(query, page);
    const addresses = await this.addressesOf(found.items);
    return {
      items: found.items.map((message) => ({ message, address: addresses.get(message.accountId ?? '') ?? null })),
      nextCursor: found.nextCursor,
    };
  }

  /** The given letters still waiting in this municipality, rendered; others are left out. */
  async printable(messageIds: string[]): Promise<PrintableLetter[]> {
    const messages = await this.dataSource.getRepository(Message).find({
      where: { id: In(messageIds), municipalityId: this.context.municipalityId(), status: 'to_print' },
      order: { createdAt: 'ASC' },
    });
    const addresses = await this.addressesOf(messages);
    const letters: PrintableLetter[] = [];
    for (const message of messages) {
      const recipient = message.accountId ? await this.recipients.get(message.accountId) : null;
      if (!recipient) continue;
      const rendered = await this.renderer.render(message, recipient);
      letters.push({
        message,
        address: addresses.get(recipient.accountId) ?? null,
        subject: rendered.subject,
        text: rendered.text,
        senderName: recipient.senderName,
      });
    }
    return letters;
  }

  /** Marks letters as printed (they count as sent); returns the ids that were still waiting. */
  async markPrinted(messageIds: string[]): Promise<string[]> {
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE message SET status = 'sent', outcome = $3, sent_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND municipality_id = $2 AND status = 'to_print' RETURNING id`,
      [messageIds, this.context.municipalityId(), MESSAGE_OUTCOMES.printed],
    );
    return rows.map((row) => row.id);
  }

  private async addressesOf(messages: Message[]): Promise<Map<string, PostalAddress>> {
    const accountIds = messages.map((message) => message.accountId).filter((id): id is string => id !== null);
    return this.addressBook && accountIds.length > 0 ? this.addressBook.addresses(accountIds) : new Map();
  }
}
