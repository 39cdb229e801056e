import { BaseRecord } from '@app/platform';
import { Column, Entity } from 'typeorm';

export interface Audience {
  /** Which registered AudienceSource resolves it, e.g. "accounts". */
  source: string;
  filter: Record<string, unknown>;
}

/** One personal message to everyone in an audience; expanded in pages, resumable. */
@Entity('fanout')
export class Fanout extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb' })
  audience: Audience;

  /** Template variables shared by every message of the fan-out. */
  @Column({ type: 'jsonb' })
  params: object;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  /** Audience size: counted when expansion starts, then the number of messages written when it ends. */
  @Column({ type: 'int', nullable: true })
  total: number | null;

  /**
   * One message per person within this scope across fan-outs (e.g. "activity-invitation.<id>":
   * inviting again reaches only those not yet invited). Without it, one per person per fan-out.
   */
  @Column({ type: 'text', nullable: true })
  dedupeScope: string | null;

  /** Last account id expanded: a restarted expansion continues after it. */
  @Column({ type: 'uuid', nullable: true })
  cursor: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expandedAt: Date | null;
}
