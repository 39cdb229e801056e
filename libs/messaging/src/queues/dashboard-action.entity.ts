import { CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Column } from 'typeorm';

/**
 * One change an operator asked of the queue dashboard (pause, clean, retry, remove, ...):
 * recorded before the dashboard acts, append-only like the audit log.
 */
@Entity('dashboard_action')
@Index('ix_dashboard_action_at', ['createdAt'])
export class DashboardAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  actorAccountId: string;

  @Column({ type: 'text' })
  method: string;

  /** The dashboard route asked for, e.g. "/queues/api/queues/mail/clean/completed"; no query string. */
  @Column({ type: 'text' })
  path: string;
}
