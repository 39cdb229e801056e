import { Municipality } from '@app/identity';
import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import { AwardKind } from './campaign.entity';

/** A voucher issued for an approved application; partners spend its balance. */
@Entity('voucher')
@Index('ix_voucher_expiry', ['municipalityId', 'expiresOn'], { where: 'balance_cents > 0' })
@Check('ck_voucher_balance', `"balance_cents" >= 0 AND "balance_cents" <= "value_cents"`)
export class Voucher extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Index('uq_voucher_application', { unique: true })
  @Column({ type: 'uuid' })
  applicationId: string;

  /** Null for a volunteer's voucher. */
  @Index('ix_voucher_carer')
  @Column({ type: 'uuid', nullable: true })
  carerId: string | null;

  @Index('ix_voucher_volunteer', { where: 'volunteer_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  volunteerId: string | null;

  /** The carer's account, whom reminders reach. */
  @Column({ type: 'uuid' })
  accountId: string;

  /** Without separators, e.g. "K7QW9ZHM3TXA4"; shown in groups of four. */
  @Index('uq_voucher_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  /** A culture ticket is a voucher for the culture partner, with the same code, value and balance rules. */
  @Column({ type: 'text', default: 'voucher' })
  kind: AwardKind;

  @Column({ type: 'int' })
  valueCents: number;

  @Column({ type: 'int' })
  balanceCents: number;

  @Column({ type: 'date' })
  expiresOn: string;

  @ManyToOne(() => AppreciationApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_voucher_application' })
  application?: AppreciationApplication;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_voucher_municipality' })
  municipality?: Municipality;
}

/** One spending of a voucher by a partner. */
@Entity('voucher_redemption')
@Index('ix_voucher_redemption_partner', ['partnerId', 'createdAt'])
@Check('ck_voucher_redemption_amount', `"amount_cents" > 0`)
export class VoucherRedemption extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Index('ix_voucher_redemption_voucher')
  @Column({ type: 'uuid' })
  voucherId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'int' })
  amountCents: number;

  @Column({ type: 'int' })
  remainingCents: number;

  @ManyToOne(() => Voucher, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voucher_id', foreignKeyConstraintName: 'fk_voucher_redemption_voucher' })
  voucher?: Voucher;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_voucher_redemption_municipality' })
  municipality?: Municipality;
}
