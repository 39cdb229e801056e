import { BaseRecord } from '@app/platform';
import { Carer } from '@app/carers';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/**
 * A carer's personal calendar feed of respite bookings. Only a hash of its secret is kept;
 * renewing replaces it and deleting the row revokes the feed.
 */
@Entity('respite_calendar_feed')
@Index('uq_respite_calendar_feed_carer', ['carerId'], { unique: true })
@Index('uq_respite_calendar_feed_secret', ['secretHash'], { unique: true })
export class RespiteCalendarFeed extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'bytea' })
  secretHash: Buffer;

  /** Erasing the carer takes the feed with it. */
  @ManyToOne(() => Carer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_respite_calendar_feed_carer' })
  carer?: Carer;
}
