import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity';

export interface PostcodeRange {
  /** First PC4 (four digits) of the range, inclusive. */
  from: number;
  /** Last PC4 of the range, inclusive. */
  to: number;
}

@Entity('wijk')
@Index('uq_wijk_municipality_name', ['municipalityId', 'name'], { unique: true })
export class Wijk extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  name: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_wijk_municipality' })
  municipality?: Municipality;
}

/** A PC4 range of a wijk; ranges of one municipality never overlap (exclusion constraint). */
@Entity('wijk_postcode_range')
@Check('ck_wijk_postcode_range_bounds', `"from_pc4" BETWEEN 1000 AND 9999 AND "to_pc4" BETWEEN "from_pc4" AND 9999`)
@Exclusion(
  'ex_wijk_postcode_range_overlap',
  `USING gist ("municipality_id" WITH =, int4range("from_pc4", "to_pc4", '[]') WITH &&)`,
)
export class WijkPostcodeRange extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Index('ix_wijk_postcode_range_wijk')
  @Column({ type: 'uuid' })
  wijkId: string;

  @Column({ type: 'int' })
  fromPc4: number;

  @Column({ type: 'int' })
  toPc4: number;

  @ManyToOne(() => Wijk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wijk_id', foreignKeyConstraintName: 'fk_wijk_postcode_range_wijk' })
  wijk?: Wijk;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_wijk_postcode_range_municipality' })
  municipality?: Municipality;
}

/** Two wijken that border each other, stored in both directions so a lookup needs one index. */
@Entity('wijk_neighbour')
@Index('uq_wijk_neighbour_pair', ['wijkId', 'neighbourId'], { unique: true })
@Check('ck_wijk_neighbour_not_itself', `"wijk_id" <> "neighbour_id"`)
export class WijkNeighbour extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  wijkId: string;

  @Index('ix_wijk_neighbour_neighbour')
  @Column({ type: 'uuid' })
  neighbourId: string;

  @ManyToOne(() => Wijk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wijk_id', foreignKeyConstraintName: 'fk_wijk_neighbour_wijk' })
  wijk?: Wijk;

  @ManyToOne(() => Wijk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'neighbour_id', foreignKeyConstraintName: 'fk_wijk_neighbour_neighbour' })
  neighbour?: Wijk;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_wijk_neighbour_municipality' })
  municipality?: Municipality;
}
