import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';

export const HELP_KINDS = ['respite_at_home', 'company', 'transport', 'practical_help'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export interface WantedDate {
  date: string;
  dagdeel: 'ochtend' | 'middag' | 'avond';
}

/** A carer's request for a volunteer's hand, for one care relationship: on given dates, weekly, or both. */
@Entity('help_request')
@Index('ix_help_request_municipality_status', ['municipalityId', 'status', 'createdAt'])
@Index('ix_help_request_carer', ['carerId'])
@Check('ck_help_request_kind', `"kind" IN ('respite_at_home', 'company', 'transport', 'practical_help')`)
@Check('ck_help_request_status', `"status" IN ('open', 'matched', 'closed')`)
export class HelpRequest extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  carerId: string;

  @Column({ type: 'uuid' })
  careRelationshipId: string;

  @Column({ type: 'text' })
  kind: HelpKind;

  @Column({ type: 'jsonb', default: [] })
  wantedDates: WantedDate[];

  /** Weekly "weekday-dagdeel" keys, e.g. "3-middag". */
  @Column({ type: 'text', array: true, default: '{}' })
  weeklyPattern: string[];

  /** The last day weekly help is wanted; without it, weekly at-home help is booked for eight weeks. */
  @Column({ type: 'date', nullable: true })
  weeklyUntil: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  requiredSkills: string[];

  /** ISO 639-1 code of a language the volunteer should speak. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** Free text may touch on health: encrypted at rest. */
  @Column({ type: 'text', nullable: true })
  notesEncrypted: string | null;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'matched' | 'closed';

  @Column({ type: 'text' })
  requestedBy: 'self' | 'staff';
}
