import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Volunteer } from './volunteer.entity';

/** Days a volunteer is away (holidays), an exception to their weekly availability. */
@Entity('volunteer_absence')
@Index('ix_volunteer_absence_volunteer', ['volunteerId', 'fromDate'])
@Check('ck_volunteer_absence_period', `"to_date" >= "from_date"`)
export class VolunteerAbsence extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date' })
  toDate: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_volunteer_absence_volunteer' })
  volunteer?: Volunteer;
}
