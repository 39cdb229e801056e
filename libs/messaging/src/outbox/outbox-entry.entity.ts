import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to run, written in the same transaction as the change that causes it.
 * The relay copies pending entries to BullMQ under `jobId`, so a relay that dies
 * between enqueueing and marking cannot create the job twice.
 */
@Entity('outbox_entry')
@Index('ix_outbox_entry_pending', ['createdAt'], {
  where: 'relayed_at IS NULL AND cancelled_at IS NULL AND set_aside_at IS NULL',
})
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  @Index('uq_outbox_entry_job_id', { unique: true })
  @Column({ type: 'text' })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  /** Not before this time (reminders); null runs at once. */
  @Column({ type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  /** An entry no queue of this release can take (an unknown queue or job name): kept for an operator, not relayed. */
  @Column({ type: 'timestamptz', nullable: true })
  setAsideAt: Date | null;

  @Column({ type: 'text', nullable: true })
  setAsideReason: string | null;

  /** A cancelled entry is never relayed, and its job does nothing if it was. */
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
