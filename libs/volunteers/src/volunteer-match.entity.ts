import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HelpRequest } from './help-request.entity';
import { Volunteer } from './volunteer.entity';

export type MatchStatus = 'proposed' | 'accepted' | 'declined' | 'ended';

/** A volunteer proposed for a help request; proposed and accepted matches count against the volunteer's maximum. */
@Entity('volunteer_match')
@Index('ix_volunteer_match_volunteer_status', ['volunteerId', 'status'])
@Index('uq_volunteer_match_live', ['helpRequestId', 'volunteerId'], {
  unique: true,
  where: `status IN ('proposed', 'accepted')`,
})
@Check('ck_volunteer_match_status', `"status" IN ('proposed', 'accepted', 'declined', 'ended')`)
export class VolunteerMatch extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  helpRequestId: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  /** The carer helped, for "matched with this carer before". */
  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'text' })
  status: MatchStatus;

  /** Staff member who proposed it. */
  @Column({ type: 'uuid', nullable: true })
  proposedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  /** Wanted dates that could not be booked when the volunteer accepted (budget used up, or overlap). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  unbookedDates: Array<{ date: string; dagdeel: string; reason: 'budget' | 'overlap' }>;

  @ManyToOne(() => HelpRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'help_request_id', foreignKeyConstraintName: 'fk_volunteer_match_help_request' })
  helpRequest?: HelpRequest;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_volunteer_match_volunteer' })
  volunteer?: Volunteer;
}
