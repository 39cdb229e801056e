import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RespiteSlot } from './respite-slot.entity';

export type BookingStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'attended' | 'no_show';

/**
 * A carer's booking of a slot for one care relationship. The database itself refuses two
 * overlapping live bookings for one care relationship, and a second live booking of a slot by one carer.
 */
@Entity('respite_booking')
@Index('ix_respite_booking_slot_status', ['slotId', 'status', 'createdAt'])
@Index('ix_respite_booking_carer_year', ['carerId', 'year'])
@Index('uq_respite_booking_slot_carer', ['slotId', 'carerId'], {
  unique: true,
  where: `status IN ('confirmed', 'waitlisted', 'offered')`,
})
@Exclusion(
  'ex_respite_booking_overlap',
  `USING gist ("care_relationship_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('confirmed', 'offered'))`,
)
@Check(
  'ck_respite_booking_status',
  `"status" IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show')`,
)
export class RespiteBooking extends BaseRecord {
  /** The carer's municipality. */
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  slotId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  /** The carer's account, for messages about this booking. */
  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'uuid' })
  careRelationshipId: string;

  @Column({ type: 'text' })
  status: BookingStatus;

  /** Copied from the slot, for the overlap constraint. */
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Calendar year (local) the booking counts in, and how much of the budget it takes. */
  @Column({ type: 'int' })
  year: number;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 2,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  units: number;

  /** Cancelled after the cut-off: still counts against the budget. */
  @Column({ type: 'boolean', default: false })
  lateCancellation: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** Bumped with every change a calendar must follow: the .ics SEQUENCE, and the key of that change's messages. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** A waiting-list offer holds the place until then. */
  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  /** The volunteer match this at-home booking came from; ending the match ends its future bookings. */
  @Index('ix_respite_booking_match', { where: 'match_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  /** What the carer chose to tell the provider (a wheelchair, a diet); may hold health details, so encrypted. */
  @Column({ type: 'text', nullable: true })
  sharedNeedsEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt: Date | null;

  /** Account of the staff member who recorded attendance. */
  @Column({ type: 'uuid', nullable: true })
  attendanceRecordedBy: string | null;

  @ManyToOne(() => RespiteSlot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_respite_booking_slot' })
  slot?: RespiteSlot;
}

/** Budget used per carer per year; its row lock serialises one carer's parallel bookings. */
@Entity('respite_budget_usage')
@Index('uq_respite_budget_usage_carer_year', ['carerId', 'year'], { unique: true })
@Check('ck_respite_budget_usage_used', `"used" >= 0`)
export class RespiteBudgetUsage extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({
    type: 'numeric',
    precision: 8,
    scale: 2,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  used: number;
}
