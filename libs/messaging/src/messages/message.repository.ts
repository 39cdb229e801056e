import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxEntry } from '../outbox/outbox-entry.entity';
import { Message, MessageStatus } from './message.entity';
import { MESSAGE_OUTCOMES, MessageOutcome } from './message-outcome';
import { entitiesFromRows, escapeLike, insertRows } from '@app/platform';

/** A message's columns as written; the repository fills in the rest. */
export type MessageRow = Pick<
  Message,
  | 'municipalityId'
  | 'accountId'
  | 'kind'
  | 'category'
  | 'channel'
  | 'toAddress'
  | 'language'
  | 'params'
  | 'dedupeKey'
  | 'status'
>;

/** What a finished delivery records. */
export interface DeliveryResult {
  status: Exclude<MessageStatus, 'queued' | 'to_print'>;
  outcome: MessageOutcome;
  smtpReplyCode?: number | null;
  providerMessageId?: string;
  sentAt?: Date;
}

/** The statements on messages; MessageService and the delivery processor keep the rules. */
@Injectable()
export class MessageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the messages in one statement; one whose dedupe key was used before is left out. */
  async insertMany(manager: EntityManager, rows: MessageRow[]): Promise<Message[]> {
    return insertRows(manager, Message, rows, { skipConflicts: true });
  }

  /** The given messages still queued, by id: plain SQL, since a fan-out batch reads hundreds at once. */
  async queuedOf(messageIds: string[]): Promise<Message[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT * FROM message WHERE id = ANY($1::uuid[]) AND status = 'queued' ORDER BY id`,
      [messageIds],
    );
    return entitiesFromRows(this.dataSource.manager, Message, rows);
  }

  /** Marks a message not yet sent (or printed) as cancelled. */
  async cancelQueued(manager: EntityManager, messageId: string): Promise<void> {
    await manager
      .getRepository(Message)
      .update(
        { id: messageId, status: In(['queued', 'to_print']) },
        { status: 'skipped', outcome: MESSAGE_OUTCOMES.cancelled },
      );
  }

  /** Marks every unsent message whose dedupe key starts with the prefix as cancelled; returns their ids. */
  async cancelQueuedByDedupePrefix(manager: EntityManager, prefix: string): Promise<string[]> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE message SET status = 'skipped', outcome = $2, updated_at = now()
        WHERE dedupe_key LIKE $1 AND status IN ('queued', 'to_print') RETURNING id`,
      [`${escapeLike(prefix)}%`, MESSAGE_OUTCOMES.cancelled],
    );
    return rows.map((row) => row.id);
  }

  /** The message with whether its delivery job was cancelled, in one read. */
  async withJobCancellation(
    messageId: string,
    jobId: string,
  ): Promise<{ message: Message; cancelled: boolean } | null> {
    const { entities, raw } = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .leftJoin(OutboxEntry, 'entry', 'entry.jobId = :jobId', { jobId })
      .addSelect('entry.cancelledAt IS NOT NULL', 'cancelled')
      .where('message.id = :messageId', { messageId })
      .getRawAndEntities();
    const message = entities[0];
    if (!message) return null;
    return { message, cancelled: (raw[0] as { cancelled: boolean }).cancelled };
  }

  /** Records the end of a delivery, only if the message is still queued. */
  finish(messageId: string, result: DeliveryResult): Promise<void> {
    return this.finishMany([{ messageId, result }]);
  }

  /**
   * Records the ends of many deliveries in one statement, each only if its message is still
   * queued. What a result leaves out (a reply code on success) keeps its earlier value.
   */
  async finishMany(finished: Array<{ messageId: string; result: DeliveryResult }>): Promise<void> {
    if (finished.length === 0) return;
    const column = <T>(pick: (result: DeliveryResult) => T | undefined): Array<T | null> =>
      finished.map(({ result }) => pick(result) ?? null);
    await this.dataSource.query(
      `UPDATE message m
          SET status = f.status, outcome = f.outcome, smtp_reply_code = coalesce(f.smtp_reply_code, m.smtp_reply_code),
              provider_message_id = coalesce(f.provider_message_id, m.provider_message_id),
              sent_at = coalesce(f.sent_at, m.sent_at), attempts = m.attempts + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::timestamptz[])
              AS f(id, status, outcome, smtp_reply_code, provider_message_id, sent_at)
        WHERE m.id = f.id AND m.status = 'queued'`,
      [
        finished.map(({ messageId }) => messageId),
        column((result) => result.status),
        column((result) => result.outcome),
        column((result) => result.smtpReplyCode),
        column((result) => result.providerMessageId),
        column((result) => result.sentAt?.toISOString()),
      ],
    );
  }

  /** Fails those of the messages still queued, with the reason; the others keep their outcome. */
  async failQueued(messageIds: string[], outcome: MessageOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE message SET status = 'failed', outcome = $2, attempts = attempts + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'queued'`,
      [messageIds, outcome],
    );
  }

  async moveToPrintQueue(messageId: string): Promise<void> {
    await this.dataSource
      .getRepository(Message)
      .update({ id: messageId, status: 'queued' }, { status: 'to_print', channel: 'post' });
  }

  /** Counts a temporary failure, with the mail server's reply when there was one. */
  async countFailedAttempt(messageId: string, smtpReplyCode: number | null): Promise<void> {
    await this.dataSource
      .getRepository(Message)
      .update({ id: messageId, status: 'queued' }, { attempts: () => 'attempts + 1', smtpReplyCode });
  }
}
