import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Carer } from './carer.entity';

export const RELATIONS = ['partner', 'parent', 'child', 'other_family', 'friend', 'neighbour', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Health-related: stored only while the carer's health_data consent stands. */
export const KINDS_OF_CARE = [
  'dementia',
  'psychiatric',
  'physical',
  'intellectual_disability',
  'chronic_illness',
  'end_of_life',
  'addiction',
  'young_carer_situation',
  'other',
] as const;
export type KindOfCare = (typeof KINDS_OF_CARE)[number];

/** A zorgrelatie: the person cared for (first name or initials only) and the care given. */
@Entity('care_relationship')
@Index('ix_care_relationship_carer', ['carerId'])
@Check(
  'ck_care_relationship_relation',
  `"relation" IN ('partner', 'parent', 'child', 'other_family', 'friend', 'neighbour', 'other')`,
)
@Check('ck_care_relationship_hours', `"hours_per_week" >= 0 AND "hours_per_week" <= 168`)
export class CareRelationship extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'text' })
  careRecipientName: string;

  @Column({ type: 'text' })
  relation: Relation;

  @Column({ type: 'boolean' })
  livesInMunicipality: boolean;

  @Column({ type: 'date' })
  since: string;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 1,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  hoursPerWeek: number;

  @Column({ type: 'text', array: true })
  kindsOfCare: KindOfCare[];

  /** Health free text, encrypted (FieldCipher); null without consent. */
  @Column({ type: 'text', nullable: true })
  notesEncrypted: string | null;

  /**
   * The cared-for person's postcode and house number, when the carer gave them, as a keyed hash:
   * carers of one person at different addresses can be matched, the address cannot be read.
   */
  @Column({ type: 'text', nullable: true })
  recipientAddressHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @ManyToOne(() => Carer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_care_relationship_carer' })
  carer?: Carer;
}
