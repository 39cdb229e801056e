import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RespiteOffer } from './respite-offer.entity';

export const DAGDELEN = ['ochtend', 'middag', 'avond', 'custom'] as const;
export type Dagdeel = (typeof DAGDELEN)[number];

/** A bookable period of an offer. `booked` counts confirmed and offered places, never above capacity. */
@Entity('respite_slot')
@Index('ix_respite_slot_offer_starts', ['offerId', 'startsAt'])
@Index('ix_respite_slot_starts', ['startsAt'])
@Check('ck_respite_slot_capacity', `"capacity" >= 1 AND "booked" >= 0 AND "booked" <= "capacity"`)
@Check('ck_respite_slot_period', `"ends_at" > "starts_at"`)
@Check('ck_respite_slot_dagdeel', `"dagdeel" IN ('ochtend', 'middag', 'avond', 'custom')`)
export class RespiteSlot extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  dagdeel: Dagdeel;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  booked: number;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Why staff called the slot off (shown to staff, not mailed). */
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @ManyToOne(() => RespiteOffer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'fk_respite_slot_offer' })
  offer?: RespiteOffer;
}
