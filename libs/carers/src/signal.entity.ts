import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Carer } from './carer.entity';

export type SignalStatus = 'open' | 'claimed' | 'closed';
export type SignalReason = 'high_burden' | 'question' | 'referral';

/**
 * Someone the steunpunt should contact, with a due date in working days: a carer after a heavy
 * self-test (one unclosed at a time), a carer's own question, or a referral the person agreed to
 * (whose person may not be a registered carer yet).
 */
@Entity('signal')
@Index('ix_signal_municipality_status_due', ['municipalityId', 'status', 'dueAt'])
@Index('uq_signal_carer_unclosed', ['carerId'], {
  unique: true,
  where: `status <> 'closed' AND reason = 'high_burden'`,
})
@Index('uq_signal_question', ['questionId'], { unique: true, where: 'question_id IS NOT NULL' })
@Index('uq_signal_referral', ['referralId'], { unique: true, where: 'referral_id IS NOT NULL' })
@Check('ck_signal_status', `"status" IN ('open', 'claimed', 'closed')`)
@Check(
  'ck_signal_subject',
  `("reason" = 'high_burden' AND "carer_id" IS NOT NULL AND "screening_id" IS NOT NULL) OR ("reason" = 'question' AND "carer_id" IS NOT NULL AND "question_id" IS NOT NULL) OR ("reason" = 'referral' AND "referral_id" IS NOT NULL)`,
)
export class Signal extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  /** Null only for a referral of someone not registered as a carer. */
  @Column({ type: 'uuid', nullable: true })
  carerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  screeningId: string | null;

  @Column({ type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ type: 'text', default: 'high_burden' })
  reason: SignalReason;

  @Column({ type: 'text', default: 'open' })
  status: SignalStatus;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When someone of the steunpunt first took it up or answered: the monitor's time to first contact. */
  @Column({ type: 'timestamptz', nullable: true })
  firstContactAt: Date | null;

  /** Set once the admins were told it is overdue, so they are told once. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @ManyToOne(() => Carer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_signal_carer' })
  carer?: Carer;
}

/** A staff note on a signal; may hold health details, so stored encrypted. */
@Entity('signal_note')
@Index('ix_signal_note_signal', ['signalId'])
export class SignalNote extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  signalId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  textEncrypted: string;

  @ManyToOne(() => Signal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_signal_note_signal' })
  signal?: Signal;
}
