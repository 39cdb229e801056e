import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, Page, PageQuery, paginate, RequestContext } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Outbox } from '../outbox/outbox';
import { QUEUES } from '../queues/queues';
import { Message } from './message.entity';
import { MESSAGE_OUTCOMES } from './message-outcome';
import { MessageKinds } from './message-kinds';
import { Recipient } from './recipients';

export interface NewMessage {
  recipient: Pick<Recipient, 'accountId' | 'municipalityId' | 'email' | 'language' | 'channel'>;
  kind: string;
  params?: Record<string, unknown>;
  dedupeKey?: string;
  /** Send not before this time (reminders); cancel or move it with cancel()/queue(). */
  runAt?: Date;
}

export function deliveryJobId(messageId: string): string {
  return `message.${messageId}`;
}

/** Queues messages inside the caller's transaction, and reads the communication log. */
@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly kinds: MessageKinds,
    private readonly context: RequestContext,
  ) {}

  /** Writes the message and its delivery job; both commit or roll back with the caller's change. Null when its dedupe key was used before. */
  async queue(manager: EntityManager, message: NewMessage): Promise<Message | null> {
    const [queued] = await this.queueMany(manager, [message]);
    return queued ?? null;
  }

  /**
   * Writes several messages and their delivery jobs in two statements, inside the caller's
   * transaction. Returns the messages written; one whose dedupe key was used before is left out.
   */
  async queueMany(manager: EntityManager, messages: NewMessage[]): Promise<Message[]> {
    if (messages.length === 0) return [];
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Message)
      .values(
        messages.map(({ recipient, kind, params, dedupeKey }) => ({
          municipalityId: recipient.municipalityId,
          accountId: recipient.accountId,
          kind,
          category: this.kinds.get(kind).category,
          channel: recipient.channel,
          toAddress: recipient.email,
          language: recipient.language,
          params: params ?? {},
          dedupeKey: dedupeKey ?? null,
        })),
      )
      .orIgnore()
      .returning('*')
      .execute();
    const rows = inserted.raw as Array<Record<string, unknown> & { id: string; dedupe_key: string | null }>;
    // A keyed row is found by its key; unkeyed ones never conflict, so they come back in the order given.
    const unkeyed = messages.filter((message) => !message.dedupeKey);
    let nextUnkeyed = 0;
    const runAtOf = (row: (typeof rows)[number]) =>
      row.dedupe_key === null
        ? unkeyed[nextUnkeyed++]?.runAt
        : messages.find((message) => message.dedupeKey === row.dedupe_key)?.runAt;
    await this.outbox.addMany(
      manager,
      rows.map((row) => ({
        queue: QUEUES.mail,
        name: 'deliver' as const,
        jobId: deliveryJobId(row.id),
        payload: { messageId: row.id },
        runAt: runAtOf(row),
      })),
    );
    return rows.map((row) => hydrate(manager, Message, row));
  }

  /** Withdraws a message not yet sent (a reminder of a cancelled booking): it is never delivered. */
  async cancel(manager: EntityManager, messageId: string): Promise<void> {
    await manager
      .getRepository(Message)
      .update({ id: messageId, status: 'queued' }, { status: 'skipped', outcome: MESSAGE_OUTCOMES.cancelled });
    await this.outbox.cancel(manager, deliveryJobId(messageId));
  }

  /** Withdraws every unsent message whose dedupe key starts with the prefix (e.g. all reminders of a booking). */
  async cancelByDedupePrefix(manager: EntityManager, prefix: string): Promise<number> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE message SET status = 'skipped', outcome = '${MESSAGE_OUTCOMES.cancelled}', updated_at = now()
        WHERE dedupe_key LIKE $1 AND status = 'queued' RETURNING id`,
      [`${prefix.replace(/[%_\\]/g, '\\$&')}%`],
    );
    for (const row of rows) await this.outbox.cancel(manager, deliveryJobId(row.id));
    return rows.length;
  }

  /** Queues in its own transaction (for callers without one). */
  queueNow(message: NewMessage): Promise<Message | null> {
    return this.dataSource.transaction((manager) => this.queue(manager, message));
  }

  /** The communication log of one person of the acting municipality, newest first. */
  logOf(accountId: string, page: PageQuery): Promise<Page<Message>> {
    const query = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .where('message.accountId = :accountId', { accountId })
      .andWhere('message.municipalityId = :municipalityId', { municipalityId: this.context.municipalityId() });
    return paginate(query, page);
  }

  async get(id: string): Promise<Message> {
    const message = await this.dataSource.getRepository(Message).findOneBy({ id });
    if (!message) throw new NotFoundError('The message');
    return message;
  }
}

/** An entity from a row of RETURNING *, without reading it again. */
function hydrate<T extends object>(manager: EntityManager, target: new () => T, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns)
    column.setEntityValue(entity, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  return entity;
}
