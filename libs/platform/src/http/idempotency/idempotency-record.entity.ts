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

  /** The request running it holds the key until then; after that a crashed request's key may be taken over. */
  @Column({ type: 'timestamptz' })
  leaseExpiresAt: Date;

  /** Written in the transaction of the request's work: from then on the work is never run again. */
  @Column({ type: 'timestamptz', nullable: true })
  workCommittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  /** The answer's JSON, encrypted under the field key: answers can hold secrets (keys, codes, tokens). */
  @Column({ type: 'text', nullable: true })
  responseSealed: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
