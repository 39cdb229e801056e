import { BaseRecord } from '@app/platform';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity';

/** A shop or provider that redeems vouchers with its API keys (PartnerKey). */
@Entity('partner')
export class Partner extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_partner_municipality' })
  municipality?: Municipality;
}
