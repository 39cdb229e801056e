import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';

export type FeedbackSubject = 'respite_booking' | 'volunteer_match' | 'activity';

/**
 * One short question after respite took place, volunteer help ended or an activity was
 * attended: a score from 1 to 5 and, if the person likes, a few words (encrypted; staff only).
 * Asked once per experience and person.
 */
@Entity('feedback_request')
@Index('uq_feedback_request', ['subjectType', 'subjectId', 'accountId'], { unique: true })
@Index('ix_feedback_request_municipality', ['municipalityId', 'happenedOn'])
@Index('ix_feedback_request_account', ['accountId'])
@Check('ck_feedback_request_subject', `"subject_type" IN ('respite_booking', 'volunteer_match', 'activity')`)
@Check('ck_feedback_request_score', `"score" IS NULL OR ("score" >= 1 AND "score" <= 5)`)
@Check('ck_feedback_request_answered', `("answered_at" IS NULL) = ("score" IS NULL)`)
export class FeedbackRequest extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  subjectType: FeedbackSubject;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** What the results are grouped by: the respite offer, the activity, or volunteer help as a whole. */
  @Column({ type: 'text' })
  aboutName: string;

  /** The local day of the experience; results are counted per month. */
  @Column({ type: 'date' })
  happenedOn: string;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  textEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
