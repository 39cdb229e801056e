import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';

export type OneTimeTokenPurpose = 'email_verification' | 'password_reset' | 'email_change';

/** A single-use, expiring token sent by email; only its hash is stored. */
@Entity('one_time_token')
@Check('ck_one_time_token_purpose', `"purpose" IN ('email_verification', 'password_reset', 'email_change')`)
export class OneTimeToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_one_time_token_account')
  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  purpose: OneTimeTokenPurpose;

  @Index('uq_one_time_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** For an email change: the new address, which the link proves. */
  @Column({ type: 'text', nullable: true })
  newEmail: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_one_time_token_account' })
  account?: Account;
}
