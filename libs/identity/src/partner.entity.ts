import { BaseRecord } from '@app/platform';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity';

/** A shop or provider that redeems vouchers with an API key (stored hashed, shown once). */
@Entity('partner')
export class Partner extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  name: string;

  /** Public part of the key, to find the row without scanning hashes. */
  @Index('uq_partner_key_prefix', { unique: true })
  @Column({ type: 'text' })
  keyPrefix: string;

  @Column({ type: 'text' })
  keyHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_partner_municipality' })
  municipality?: Municipality;
}
