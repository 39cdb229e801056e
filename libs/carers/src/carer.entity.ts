import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account, Municipality } from '@app/identity';

export type CarerStatus = 'active' | 'inactive';

/** A mantelzorger's profile. Sign-in, language and contact channel live on the account. */
@Entity('carer')
@Index('ix_carer_municipality_name', ['municipalityId', 'lastName', 'firstName'])
@Index('ix_carer_municipality_postcode', ['municipalityId', 'postcode'])
@Index('ix_carer_municipality_wijk', ['municipalityId', 'wijkId'])
@Check('ck_carer_status', `"status" IN ('active', 'inactive')`)
@Check('ck_carer_registered_by', `"registered_by" IN ('self', 'staff')`)
@Check('ck_carer_latest_burden', `"latest_burden" IN ('low', 'moderate', 'high')`)
@Check('ck_carer_postcode', `"postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$'`)
export class Carer extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Index('uq_carer_account', { unique: true })
  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  /** Normalised: four digits and two capitals, no space ("1121AB"). */
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
  status: CarerStatus;

  /** Since when the carer is inactive; the retention period counts from here. */
  @Column({ type: 'timestamptz', nullable: true })
  inactiveSince: Date | null;

  @Column({ type: 'text' })
  registeredBy: 'self' | 'staff';

  /** Last time the carer confirmed their situation (yearly re-confirmation). */
  @Column({ type: 'timestamptz' })
  confirmedAt: Date;

  /** When the yearly re-confirmation was asked and not yet answered. */
  @Column({ type: 'timestamptz', nullable: true })
  reconfirmationRequestedAt: Date | null;

  /** Burden of the latest screening, for staff search. */
  @Column({ type: 'text', nullable: true })
  latestBurden: 'low' | 'moderate' | 'high' | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_carer_account' })
  account?: Account;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_carer_municipality' })
  municipality?: Municipality;
}
