import { BaseRecord } from '@app/platform';
import { Account, Municipality } from '@app/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

export type VolunteerStatus = 'active' | 'inactive';

/**
 * A volunteer's profile: what they can do, when, and whether they may be matched (VOG).
 * Sign-in, email and language live on the account.
 */
@Entity('volunteer')
@Index('ix_volunteer_municipality_status', ['municipalityId', 'status'])
@Check('ck_volunteer_status', `"status" IN ('active', 'inactive')`)
@Check('ck_volunteer_postcode', `"postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$'`)
@Check('ck_volunteer_max_matches', `"max_matches" BETWEEN 1 AND 10`)
export class Volunteer extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Index('uq_volunteer_account', { unique: true })
  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  /** Normalised: "1121AB". */
  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  /** Null once the person is erased. */
  @Column({ type: 'text', nullable: true })
  houseNumber: string | null;

  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', default: 'active' })
  status: VolunteerStatus;

  @Column({ type: 'text' })
  registeredBy: 'self' | 'staff';

  /** From the municipality's list of skills. */
  @Column({ type: 'text', array: true, default: '{}' })
  skills: string[];

  /** ISO 639-1 codes, e.g. "nl", "tr", "ar". */
  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  /** Weekly availability as "weekday-dagdeel" keys, e.g. "1-ochtend" for Monday morning. */
  @Column({ type: 'text', array: true, default: '{}' })
  availability: string[];

  @Column({ type: 'int', default: 2 })
  maxMatches: number;

  /** Issue date of the VOG, recorded by staff after seeing the certificate. */
  @Column({ type: 'date', nullable: true })
  vogIssuedOn: string | null;

  /** The day the municipality paid the VOG's cost back, when it did (volunteer appreciation). */
  @Column({ type: 'date', nullable: true })
  vogCostReimbursedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  vogRecordedBy: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_volunteer_account' })
  account?: Account;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_volunteer_municipality' })
  municipality?: Municipality;
}
