import { Municipality } from '@app/identity';
import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AppreciationCampaign, AwardKind } from './campaign.entity';

export type ApplicationStatus = 'approved' | 'rejected' | 'needs_review';

/** One rule as checked for an application, so carer and staff see why. */
export interface RuleOutcome {
  rule: string;
  outcome: 'met' | 'not_met' | 'unclear';
  detail: string;
}

/** A carer's (or volunteer's) application, or a staff nomination, for the campaign of a year. */
@Entity('appreciation_application')
// One live application per carer and campaign: the rule "one award per carer per year" lives here.
@Index('uq_appreciation_application_carer', ['campaignId', 'carerId'], { unique: true, where: `status <> 'rejected'` })
@Index('ix_appreciation_application_review', ['municipalityId', 'status', 'createdAt'])
@Check('ck_appreciation_application_status', `"status" IN ('approved', 'rejected', 'needs_review')`)
@Check('ck_appreciation_application_choice', `"choice" IN ('voucher', 'culture_ticket')`)
@Check(
  'ck_appreciation_application_person',
  `("carer_id" IS NOT NULL AND "care_relationship_id" IS NOT NULL AND "volunteer_id" IS NULL) OR ("carer_id" IS NULL AND "care_relationship_id" IS NULL AND "volunteer_id" IS NOT NULL)`,
)
// The same for volunteers, where the campaign thanks them too.
@Index('uq_appreciation_application_volunteer', ['campaignId', 'volunteerId'], {
  unique: true,
  where: `status <> 'rejected'`,
})
export class AppreciationApplication extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  /** The carer applying; null for a volunteer's application. */
  @Column({ type: 'uuid', nullable: true })
  carerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  careRelationshipId: string | null;

  /** The volunteer applying, where the campaign thanks volunteers. */
  @Column({ type: 'uuid', nullable: true })
  volunteerId: string | null;

  /** Lower-cased name and the carer's postcode: how a cared-for person rewarded twice is noticed. */
  @Index('ix_appreciation_application_recipient')
  @Column({ type: 'text' })
  careRecipientKey: string;

  /** The carer's wijk when applying, for the figures per wijk. */
  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  /** A voucher, or the culture ticket where the campaign offers the choice. */
  @Column({ type: 'text', default: 'voucher' })
  choice: AwardKind;

  @Column({ type: 'jsonb' })
  reasons: RuleOutcome[];

  /** Staff member who nominated the carer; null when the carer applied. */
  @Column({ type: 'uuid', nullable: true })
  nominatedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @ManyToOne(() => AppreciationCampaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_appreciation_application_campaign' })
  campaign?: AppreciationCampaign;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_appreciation_application_municipality' })
  municipality?: Municipality;
}
