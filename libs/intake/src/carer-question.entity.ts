import { Carer } from '@app/carers';
import { BaseRecord } from '@app/platform';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** A carer's own question to the steunpunt; the text may hold health details, so it is stored encrypted. */
@Entity('carer_question')
@Index('ix_carer_question_carer', ['carerId', 'createdAt'])
export class CarerQuestion extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  /** A key from the municipality's list (settings.questionTopics). */
  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  textEncrypted: string;

  /** The carer, or the staff member who wrote it down on the carer's behalf. */
  @Column({ type: 'uuid' })
  askedBy: string;

  @ManyToOne(() => Carer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_carer_question_carer' })
  carer?: Carer;
}

/** The steunpunt's answer the carer reads, possibly pointing at entries of the social map. */
@Entity('question_answer')
@Index('ix_question_answer_question', ['questionId', 'createdAt'])
export class QuestionAnswer extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  questionId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  textEncrypted: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  socialMapEntryIds: string[];

  @ManyToOne(() => CarerQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_question_answer_question' })
  question?: CarerQuestion;
}
