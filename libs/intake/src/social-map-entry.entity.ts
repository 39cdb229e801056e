import { BaseRecord } from '@app/platform';
import { Column, Entity, Index } from 'typeorm';

/** One place of local support on the social map: who, what by topic, where, how to reach them. */
@Entity('social_map_entry')
@Index('ix_social_map_entry_municipality', ['municipalityId', 'organisation'])
export class SocialMapEntry extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  organisation: string;

  /** What they offer, in a few plain sentences. */
  @Column({ type: 'text' })
  offer: string;

  /** Keys from the municipality's question topics. */
  @Column({ type: 'text', array: true })
  topics: string[];

  /** Null: for the whole municipality. */
  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  @Column({ type: 'text' })
  contact: string;

  @Column({ type: 'text', nullable: true })
  openingHours: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;
}
