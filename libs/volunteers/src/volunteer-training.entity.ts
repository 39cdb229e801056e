import { BaseRecord } from '@app/platform';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Volunteer } from './volunteer.entity';

/** A training a volunteer completed (e.g. dementia), recorded by staff; some lapse. */
@Entity('volunteer_training')
@Index('ix_volunteer_training_volunteer', ['volunteerId', 'kind'])
export class VolunteerTraining extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  /** e.g. "dementia", "first_aid". */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'date' })
  completedOn: string;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_volunteer_training_volunteer' })
  volunteer?: Volunteer;
}
