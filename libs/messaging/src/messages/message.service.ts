import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  registerProblemTitles,
  RequestContext,
} from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Outbox } from '../outbox/outbox';
import { QUEUES } from '../queues/queues';
import { Message } from './message.entity';
import { firstState } from './first-state';
import { MessageKinds } from './message-kinds';
import { MessageRepository } from './message.repository';
import { Recipient } from './recipients';

export interface NewMessage {
  /** accountId null only for kinds sent to an address alone (MessageKind.addressOnly). */
  recipient: Pick<Recipient, 'municipalityId' | 'email' | 'language' | 'channel'> & { accountId: string | null };
  kind: string;
  params?: Record<string, unknown>;
  dedupeKey?: string;
  /** Send not before this time (reminders); cancel or move it with cancel()/queue(). */
  runAt?: Date;
}

registerProblemTitles({
  MESSAGE_NOT_FAILED: { nl: 'Dit bericht is niet mislukt', en: 'This message has not failed' },
});

export class MessageNotFailedError extends ConflictError {
  constructor() {
    super('MESSAGE_NOT_FAILED', {
      nl: 'Alleen een mislukt bericht kan opnieuw worden verstuurd.',
      en: 'Only a failed message can be sent again.',
    });
  }
}

export function deliveryJobId(messageId: string): string {
  return `message.${messageId}`;
}

/** Queues messages inside the caller's transaction, and reads the communication log. */
@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MessageRepository,
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
   * A message to a person whose channel is post becomes a letter on the print queue, with no job.
   */
  async queueMany(manager: EntityManager, messages: NewMessage[]): Promise<Message[]> {
    if (messages.length === 0) return [];
    const written = await this.repository.insertMany(
      manager,
      messages.map(({ recipient, kind, params, dedupeKey }) => {
        const category = this.kinds.get(kind).category;
        return {
          municipalityId: recipient.municipalityId,
          accountId: recipient.accountId,
          kind,
          category,
          channel: recipient.channel,
          toAddress: recipient.email,
          language: recipient.language,
          params: params ?? {},
          dedupeKey: dedupeKey ?? null,
          status: firstState(recipient.channel).status,
        };
      }),
    );
    // A keyed message is found by its key; unkeyed ones never conflict, so they come back in the order given.
    const unkeyed = messages.filter((message) => !message.dedupeKey);
    let nextUnkeyed = 0;
    const runAtOf = (row: Message) =>
      row.dedupeKey === null
        ? unkeyed[nextUnkeyed++]?.runAt
        : messages.find((message) => message.dedupeKey === row.dedupeKey)?.runAt;
    const jobs = written.map((row) => ({
      queue: QUEUES.mail,
      name: 'deliver' as const,
      jobId: deliveryJobId(row.id),
      payload: { messageId: row.id },
      runAt: runAtOf(row),
      mailed: row.status === 'queued',
    }));
    await this.outbox.addMany(
      manager,
      jobs.filter((job) => job.mailed).map(({ mailed: _mailed, ...job }) => job),
    );
    return written;
  }

  /** Withdraws a message not yet sent (a reminder of a cancelled booking): it is never delivered. */
  async cancel(manager: EntityManager, messageId: string): Promise<void> {
    await this.repository.cancelQueued(manager, messageId);
    await this.outbox.cancel(manager, deliveryJobId(messageId));
  }

  /** Withdraws every unsent message whose dedupe key starts with the prefix (e.g. all reminders of a booking). */
  async cancelByDedupePrefix(manager: EntityManager, prefix: string): Promise<number> {
    const ids = await this.repository.cancelQueuedByDedupePrefix(manager, prefix);
    for (const id of ids) await this.outbox.cancel(manager, deliveryJobId(id));
    return ids.length;
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

  /** Failed messages of the acting municipality, newest first. */
  failed(page: PageQuery): Promise<Page<Message>> {
    const query = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .where("message.status = 'failed'")
      .andWhere('message.municipalityId = :municipalityId', { municipalityId: this.context.municipalityId() });
    return paginate(query, page);
  }

  /**
   * Queues a failed message again, from its first attempt. Its earlier delivery jobs are cancelled
   * (so a job put back by the reconciler cannot run beside the new one), and the new job gets an id
   * of its own, since the old one may still be kept in Redis.
   */
  retry(id: string): Promise<Message> {
    return this.dataSource.transaction(async (manager) => {
      const municipalityId = this.context.municipalityId();
      const message = await manager
        .getRepository(Message)
        .findOne({ where: { id, municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!message) throw new NotFoundError({ nl: 'Het bericht', en: 'The message' });
      if (message.status !== 'failed') throw new MessageNotFailedError();
      await this.outbox.cancelByPrefix(manager, deliveryJobId(id));
      await manager
        .getRepository(Message)
        .update({ id }, { status: 'queued', outcome: null, smtpReplyCode: null, attempts: 0 });
      await this.outbox.add(manager, {
        queue: QUEUES.mail,
        name: 'deliver',
        jobId: `${deliveryJobId(id)}.retry-${Date.now()}`,
        payload: { messageId: id },
      });
      return manager.getRepository(Message).findOneByOrFail({ id });
    });
  }

  async get(id: string): Promise<Message> {
    const message = await this.dataSource.getRepository(Message).findOneBy({ id });
    if (!message) throw new NotFoundError({ nl: 'Het bericht', en: 'The message' });
    return message;
  }
}
