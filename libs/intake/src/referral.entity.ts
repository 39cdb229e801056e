import { REFERRAL_SOURCES, ReferralSource } from '@app/identity';
import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';

export { REFERRAL_SOURCES, ReferralSource };
export type ReferralStatus = 'awaiting_consent' | 'consented';

/**
 * A partner in care pointing a carer to the steunpunt. It reaches the caseload only with the
 * carer's consent: recorded by an authenticated referrer, or given by the carer through a
 * one-time link. Until then only what is needed to ask is kept, and only for a short time.
 */
@Entity('referral')
@Index('ix_referral_municipality_status', ['municipalityId', 'status', 'createdAt'])
@Check('ck_referral_source', `"source" IN ('huisarts', 'poh', 'wijkteam', 'home_care', 'hospital', 'other')`)
@Check('ck_referral_channel', `"channel" IN ('partner', 'form')`)
@Check('ck_referral_status', `"status" IN ('awaiting_consent', 'consented')`)
@Check('ck_referral_consent', `("status" = 'consented') = ("consent_at" IS NOT NULL)`)
export class Referral extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  source: ReferralSource;

  /** An authenticated referrer's key, or the public form. */
  @Column({ type: 'text' })
  channel: 'partner' | 'form';

  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  /** Who referred: the practice or team, as they gave it. */
  @Column({ type: 'text' })
  referrerName: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  postcode: string;

  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  /** Why, in the referrer's words; may hold health details, so encrypted. */
  @Column({ type: 'text', nullable: true })
  reasonEncrypted: string | null;

  @Column({ type: 'text', default: 'awaiting_consent' })
  status: ReferralStatus;

  @Column({ type: 'timestamptz', nullable: true })
  consentAt: Date | null;

  /** How consent was given: recorded by the referrer, or through the carer's own link. */
  @Column({ type: 'text', nullable: true })
  consentHow: 'referrer' | 'link' | null;

  /** The registered carer this person turned out to be, when known. */
  @Column({ type: 'uuid', nullable: true })
  carerId: string | null;
}
