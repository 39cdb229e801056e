import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VolunteerMatch } from './volunteer-match.entity';

/** Hours a volunteer spent on an accepted match, as they logged them. */
@Entity('volunteer_hours')
@Index('ix_volunteer_hours_match', ['matchId', 'workedOn'])
@Index('ix_volunteer_hours_volunteer', ['volunteerId', 'workedOn'])
@Check('ck_volunteer_hours_hours', `"hours" > 0 AND "hours" <= 24`)
export class VolunteerHours extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  matchId: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'date' })
  workedOn: string;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 2,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  hours: number;

  /** The staff member who last corrected the entry; null while it is as the volunteer logged it. */
  @Column({ type: 'uuid', nullable: true })
  correctedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  correctedAt: Date | null;

  @ManyToOne(() => VolunteerMatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'fk_volunteer_hours_match' })
  match?: VolunteerMatch;
}
