import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditAction = 'read' | 'change' | 'export' | 'erase';

/**
 * One staff or admin look at, or change of, a person's record. Append-only: a trigger refuses
 * UPDATE, DELETE and TRUNCATE, so neither the application nor its database role can rewrite it.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_municipality_at', ['municipalityId', 'createdAt'])
@Index('ix_audit_entry_subject_account_at', ['subjectAccountId', 'createdAt'])
@Index('ix_audit_entry_actor_at', ['actorAccountId', 'createdAt'])
@Index('ix_audit_entry_subject_municipality_at', ['subjectMunicipalityId', 'createdAt'])
@Check('ck_audit_entry_action', `"action" IN ('read', 'change', 'export', 'erase')`)
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The acting staff member's municipality. */
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  actorAccountId: string;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text' })
  action: AuditAction;

  /** Method and route pattern, e.g. "GET /api/v1/carers/:carerId"; never the query string. */
  @Column({ type: 'text' })
  route: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The person the record belongs to, so they can see who looked; null when it cannot be told. */
  @Column({ type: 'uuid', nullable: true })
  subjectAccountId: string | null;

  /** That person's municipality, which differs from the actor's for regional respite. */
  @Column({ type: 'uuid', nullable: true })
  subjectMunicipalityId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
