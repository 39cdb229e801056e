import { BaseRecord } from '@app/platform';
import { Column, Entity, Index } from 'typeorm';

/** A training a staff member completed, e.g. through a course of the steunpunt; some lapse. */
@Entity('staff_training')
@Index('ix_staff_training_account', ['accountId', 'kind'])
export class StaffTraining extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'date' })
  completedOn: string;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  /** The course it came from, when it came from one. */
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;
}
