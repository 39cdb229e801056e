import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity';

export type PartnerKind = 'merchant' | 'referrer';

/** Who refers carers: huisarts, praktijkondersteuner (POH), wijkteam, home care, hospital, others. */
export const REFERRAL_SOURCES = ['huisarts', 'poh', 'wijkteam', 'home_care', 'hospital', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * Someone outside the municipality with API keys (PartnerKey): a shop or theatre that redeems
 * vouchers (merchant), or a partner in care that refers carers (referrer: huisarts, POH, wijkteam).
 */
@Entity('partner')
@Check('ck_partner_kind', `"kind" IN ('merchant', 'referrer')`)
@Check('ck_partner_referrer_source', `("kind" = 'referrer') = ("referrer_source" IS NOT NULL)`)
export class Partner extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'merchant' })
  kind: PartnerKind;

  /** For a referrer: what kind of partner in care, counted in the monitor. */
  @Column({ type: 'text', nullable: true })
  referrerSource: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_partner_municipality' })
  municipality?: Municipality;
}
