import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';
import { Language } from '../templates/language';
import { MESSAGE_OUTCOME_VALUES, MessageOutcome } from './message-outcome';

/** `to_print`: a letter on the print queue, for a person whose channel is post. */
export type MessageStatus = 'queued' | 'to_print' | 'sent' | 'failed' | 'skipped';
export type MessageCategory = 'transactional' | 'campaign';
export type ContactChannel = 'email' | 'post';

/** One message to one person, and its communication-log entry at the same time. */
@Entity('message')
@Index('ix_message_account_created', ['accountId', 'createdAt'])
@Index('ix_message_fanout_status', ['fanoutId', 'status'])
@Index('ix_message_failed', ['municipalityId', 'updatedAt'], { where: `status = 'failed'` })
@Index('ix_message_to_print', ['municipalityId', 'createdAt'], { where: `status = 'to_print'` })
@Check('ck_message_status', `"status" IN ('queued', 'to_print', 'sent', 'failed', 'skipped')`)
@Check('ck_message_category', `"category" IN ('transactional', 'campaign')`)
@Check('ck_message_channel', `"channel" IN ('email', 'post')`)
@Check('ck_message_outcome', `"outcome" IN (${MESSAGE_OUTCOME_VALUES.map((outcome) => `'${outcome}'`).join(', ')})`)
@Check('ck_message_outcome_status', `("status" IN ('queued', 'to_print')) = ("outcome" IS NULL)`)
export class Message extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  /** Null once the person is erased; the anonymous entry stays for figures. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  category: MessageCategory;

  @Column({ type: 'text' })
  channel: ContactChannel;

  @Column({ type: 'text', default: 'queued' })
  status: MessageStatus;

  @Column({ type: 'text', nullable: true })
  toAddress: string | null;

  @Column({ type: 'text', default: 'nl' })
  language: Language;

  /** Template variables of this message; a fan-out keeps shared ones on the fan-out. */
  @Column({ type: 'jsonb' })
  params: object;

  @Column({ type: 'uuid', nullable: true })
  fanoutId: string | null;

  /** One message per cause (e.g. per person per fan-out), enforced by the database. */
  @Index('uq_message_dedupe_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: MessageOutcome | null;

  /** The mail server's last reply code on a failure (e.g. 421, 550). */
  @Column({ type: 'smallint', nullable: true })
  smtpReplyCode: number | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
