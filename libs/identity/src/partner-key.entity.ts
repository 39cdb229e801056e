import { BaseRecord } from '@app/platform';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Partner } from './partner.entity';

/** One API key of a partner (stored hashed, shown once); a partner may hold several while it rotates them. */
@Entity('partner_key')
@Index('ix_partner_key_partner', ['partnerId', 'createdAt'])
export class PartnerKey extends BaseRecord {
  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  /** Public part of the key, to find the row without scanning hashes. */
  @Index('uq_partner_key_prefix', { unique: true })
  @Column({ type: 'text' })
  keyPrefix: string;

  @Column({ type: 'text' })
  keyHash: string;

  /** Updated at most once a minute, so a busy till costs no write per request. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** Only this campaign's vouchers, when set. */
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  /** Only vouchers of these kinds ("voucher", "culture_ticket"), when set. */
  @Column({ type: 'text', array: true, nullable: true })
  voucherKinds: string[] | null;

  /** The partner's kind, copied so a request knows what the key may do without reading the partner. */
  @Column({ type: 'text', default: 'merchant' })
  partnerKind: 'merchant' | 'referrer';

  /** A revoked key is refused at once (every request reads its key). */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Partner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'fk_partner_key_partner' })
  partner?: Partner;
}
