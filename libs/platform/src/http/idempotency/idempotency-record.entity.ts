import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The first answer to a POST with an Idempotency-Key, replayed to repeats of it. */
@Entity('idempotency_record')
@Index('uq_idempotency_record_scope_key', ['scope', 'key'], { unique: true })
export class IdempotencyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Who sent it (account, partner or anonymous), so keys of different callers never meet. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
