import { BaseRecord } from '@app/platform';
import { Account } from '@app/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Activity, ActivitySession } from './activity.entity';

/** One invitation of one person to one activity, written with its message by the fan-out. */
@Entity('activity_invitation')
@Index('uq_activity_invitation_person', ['activityId', 'accountId'], { unique: true })
export class ActivityInvitation extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @Column({ type: 'uuid' })
  accountId: string;

  /** The person's wijk when invited, for figures. */
  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  @Index('uq_activity_invitation_message', { unique: true })
  @Column({ type: 'uuid' })
  messageId: string;

  @Column({ type: 'uuid' })
  fanoutId: string;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_activity_invitation_activity' })
  activity?: Activity;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_activity_invitation_account' })
  account?: Account;
}

export const PARTICIPANT_STATUSES = ['attending', 'waitlisted', 'offered', 'declined', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
/** Statuses that hold places (the person plus companions). */
export const HOLDS_PLACES: ParticipantStatus[] = ['attending', 'offered'];

/**
 * A person's answer to an activity: by RSVP to an invitation, or an enrolment by themselves or
 * staff. One per person per activity; the answer changes, the row stays.
 */
@Entity('activity_participant')
@Index('uq_activity_participant_person', ['activityId', 'accountId'], { unique: true })
@Index('ix_activity_participant_waitlist', ['activityId', 'status', 'waitlistedAt'])
@Index('ix_activity_participant_account', ['accountId'])
@Check('ck_activity_participant_status', `"status" IN ('attending', 'waitlisted', 'offered', 'declined', 'cancelled')`)
@Check('ck_activity_participant_companions', `"companions" BETWEEN 0 AND 5`)
@Index('uq_activity_participant_resident', ['activityId', 'residentEmail'], {
  unique: true,
  where: 'resident_email IS NOT NULL',
})
@Check('ck_activity_participant_joined_via', `"joined_via" IN ('invitation', 'self', 'staff', 'resident')`)
@Check('ck_activity_participant_offer', `("status" = 'offered') = ("offer_expires_at" IS NOT NULL)`)
@Check('ck_activity_participant_resident', `("account_id" IS NULL) = ("joined_via" = 'resident')`)
export class ActivityParticipant extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  activityId: string;

  /** Null for a resident without an account, who signed up with a name and a confirmed address. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  @Column({ type: 'text' })
  joinedVia: 'invitation' | 'self' | 'staff' | 'resident';

  /** A resident's name and address (lower-cased) and language; forgotten a month after the last session. */
  @Column({ type: 'text', nullable: true })
  residentName: string | null;

  @Column({ type: 'text', nullable: true })
  residentEmail: string | null;

  @Column({ type: 'text', nullable: true })
  residentLanguage: 'nl' | 'en' | null;

  @Column({ type: 'text' })
  status: ParticipantStatus;

  @Column({ type: 'int', default: 0 })
  companions: number;

  /** Order on the waiting list. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  /** A freed place is held for the person until then. */
  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_activity_participant_activity' })
  activity?: Activity;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_activity_participant_account' })
  account?: Account;
}

export function placesOf(participant: Pick<ActivityParticipant, 'status' | 'companions'>): number {
  return HOLDS_PLACES.includes(participant.status) ? 1 + participant.companions : 0;
}

/** Whether a participant came to a session, as the facilitator or staff recorded it. */
@Entity('activity_attendance')
@Index('uq_activity_attendance_session_participant', ['sessionId', 'participantId'], { unique: true })
export class ActivityAttendance extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'boolean' })
  attended: boolean;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @ManyToOne(() => ActivitySession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_activity_attendance_session' })
  session?: ActivitySession;

  @ManyToOne(() => ActivityParticipant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_activity_attendance_participant' })
  participant?: ActivityParticipant;
}

/**
 * A resident's wish to join a course or peer group, kept until they confirm it through the
 * link mailed to the address (so nobody is signed up with another person's address), at most two days.
 */
@Entity('activity_resident_request')
@Index('ix_activity_resident_request_created', ['createdAt'])
@Check('ck_activity_resident_request_companions', `"companions" BETWEEN 0 AND 5`)
export class ResidentRequest extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'int', default: 0 })
  companions: number;

  @Column({ type: 'text' })
  language: 'nl' | 'en';

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_activity_resident_request_activity' })
  activity?: Activity;
}
