import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Carer } from './carer.entity';
import { Burden } from './screening-instruments';

/** One self-assessment: the answers as given, the instrument version, and the score. Never changed. */
@Entity('screening')
@Index('ix_screening_carer_created', ['carerId', 'createdAt'])
@Check('ck_screening_burden', `"burden" IN ('low', 'moderate', 'high')`)
export class Screening {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'text' })
  instrument: string;

  @Column({ type: 'text' })
  instrumentVersion: string;

  @Column({ type: 'int', array: true })
  answers: number[];

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text' })
  burden: Burden;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Carer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carer_id', foreignKeyConstraintName: 'fk_screening_carer' })
  carer?: Carer;
}
