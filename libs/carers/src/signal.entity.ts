import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Carer } from './carer.entity';

export type SignalStatus = 'open' | 'claimed' | 'closed';

/** A carer the steunpunt should contact (high burden), with a due date in working days. */
@Entity('signal')
@Index('ix_signal_municipality_status_due', ['municipalityId', 'status', 'dueAt'])
@Index('uq_signal_carer_unclosed', ['carerId'], { unique: true, where: `status <> 'closed'` })
@Check('ck_signal_status', `"status" IN ('open', 'claimed', 'closed')`)
export class Signal extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'uuid' })
  screeningId: string;

  @Column({ type: 'text', default: 'high_burden' })
  reason: string;

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
