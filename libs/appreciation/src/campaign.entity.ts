import { Municipality } from '@app/identity';
import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

export const CAMPAIGN_AUDIENCES = ['carers', 'volunteers', 'both'] as const;
export type CampaignAudience = (typeof CAMPAIGN_AUDIENCES)[number];

/** What a volunteer needs for a campaign that thanks volunteers. */
export interface VolunteerRules {
  /** Months since the volunteer started, at least. */
  minActiveMonths: number;
  /** Hours logged in the twelve months before applying, at least. */
  minHoursLogged: number;
}

export const SHARED_CARE_RULES = ['each_full', 'split_equally', 'first_only'] as const;
export type SharedCareRule = (typeof SHARED_CARE_RULES)[number];

export const CAMPAIGN_KINDS = ['voucher', 'voucher_or_culture_ticket'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type AwardKind = 'voucher' | 'culture_ticket';
export type Residency = 'carer' | 'care_recipient' | 'either';

/** The municipal eligibility rules of a campaign; each one is checked and explained per application. */
export interface EligibilityRules {
  minHoursPerWeek: number;
  minMonths: number;
  residency: Residency;
  /** Youngest age of the carer on the day of applying; 0 for no limit. */
  minAge: number;
}

/** The yearly appreciation (mantelzorgwaardering): one per municipality and year. */
@Entity('appreciation_campaign')
@Index('uq_appreciation_campaign_year', ['municipalityId', 'year'], { unique: true })
@Check('ck_appreciation_campaign_window', `"closes_at" > "opens_at"`)
@Check('ck_appreciation_campaign_amount', `"amount_cents" > 0`)
@Check('ck_appreciation_campaign_budget', `"budget_cents" IS NULL OR "spent_cents" <= "budget_cents"`)
@Check('ck_appreciation_campaign_budget_count', `"budget_count" IS NULL OR "awarded_count" <= "budget_count"`)
@Check('ck_appreciation_campaign_culture_tickets', `"culture_tickets_issued" <= coalesce("culture_ticket_stock", 0)`)
@Check('ck_appreciation_campaign_kind', `"kind" IN ('voucher', 'voucher_or_culture_ticket')`)
@Check('ck_appreciation_campaign_audience', `"audience" IN ('carers', 'volunteers', 'both')`)
@Check('ck_appreciation_campaign_shared_care', `"shared_care_rule" IN ('each_full', 'split_equally', 'first_only')`)
export class AppreciationCampaign extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  kind: CampaignKind;

  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'jsonb' })
  rules: EligibilityRules;

  /** Total value that may be awarded; null for no cap. */
  @Column({ type: 'int', nullable: true })
  budgetCents: number | null;

  /** Number of awards that may be made; null for no cap. */
  @Column({ type: 'int', nullable: true })
  budgetCount: number | null;

  @Column({ type: 'int', default: 0 })
  spentCents: number;

  @Column({ type: 'int', default: 0 })
  awardedCount: number;

  /** What the culture ticket is (e.g. "Theaterbon Stadsschouwburg"), when carers may choose one. */
  /** Who the campaign thanks: carers, volunteers, or both. */
  @Column({ type: 'text', default: 'carers' })
  audience: CampaignAudience;

  /** The rules for volunteers, when the audience includes them. */
  @Column({ type: 'jsonb', nullable: true })
  volunteerRules: VolunteerRules | null;

  /** Carers of the same person: each the full amount (after a look by staff), split equally, or the first only. */
  @Column({ type: 'text', default: 'each_full' })
  sharedCareRule: SharedCareRule;

  @Column({ type: 'text', nullable: true })
  cultureTicketName: string | null;

  @Column({ type: 'int', nullable: true })
  cultureTicketStock: number | null;

  @Column({ type: 'int', default: 0 })
  cultureTicketsIssued: number;

  /** When the opening was announced to the carers and/or volunteers it thanks; set once. */
  @Column({ type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  /** Last day a voucher of this campaign can be used. */
  @Column({ type: 'date' })
  vouchersExpireOn: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_appreciation_campaign_municipality' })
  municipality?: Municipality;
}
