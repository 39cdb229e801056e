import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A portal session, kept in Postgres so a restart of any process (Redis included) signs no
 * one out. The id is a hash of the cookie's session id, so a database read reveals no live session.
 */
@Entity('portal_session')
@Index('ix_portal_session_expires', ['expiresAt'])
@Index('ix_portal_session_account', ['accountId'])
export class PortalSession {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The signed-in person, so that signing out everywhere or erasure can end their sessions. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
