import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Carer } from './carer.entity';

export const CONSENT_PURPOSES = ['health_data', 'guardian'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Current wording version per purpose; a new text means a new version to consent to. */
export const CONSENT_VERSIONS: Record<ConsentPurpose, string> = {
  health_data: '2026-01',
  guardian: '2026-01',
};

/** A consent as a record: what, which text version, when given, by whom, and when withdrawn. */
@Entity('consent')
@Index('ix_consent_carer_purpose', ['carerId', 'purpose'])
@Index('uq_consent_active', ['carerId', 'purpose'], { unique: true, where: 'withdrawn_at IS NULL' })
@Check('ck_consent_purpose', `"purpose" IN ('health_data', 'guardian')`)
@Check('ck_consent_given_by', `"given_by" IN ('self', 'staff')`)
export class Consent extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'text' })
  purpose: ConsentPurpose;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'timestamptz' })
  givenAt: Date;

  /** Who recorded it: the carer, or staff on the carer's (or guardian's) behalf. */
  @Column({ type: 'text' })
  givenBy: 'self' | 'staff';

  /** For guardian consent: who the guardian is, as recorded by staff. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @ManyToOne(() => Carer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_consent_carer' })
  carer?: Carer;
}
