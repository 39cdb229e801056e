import { BaseRecord } from '@app/platform';
import { Account, Municipality } from '@app/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

export const ACTIVITY_KINDS = ['event', 'course', 'peer_group'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Themes of lotgenotencontact (peer groups). */
export const PEER_GROUP_THEMES = [
  'dementia',
  'young_carers',
  'ggz',
  'nah',
  'cancer',
  'chronic_illness',
  'end_of_life',
  'parents_of_disabled_child',
  'other',
] as const;
export type PeerGroupTheme = (typeof PEER_GROUP_THEMES)[number];

export const DAG_VAN_DE_MANTELZORG = 'dag_van_de_mantelzorg';

/**
 * Something people attend: an event (such as the Dag van de Mantelzorg), a course or a peer
 * group. Capacity counts people, companions included; places_taken is only changed by
 * conditional updates and the database refuses it above capacity.
 */
@Entity('activity')
@Index('ix_activity_municipality_created', ['municipalityId', 'createdAt'])
@Check('ck_activity_kind', `"kind" IN ('event', 'course', 'peer_group')`)
@Check('ck_activity_places', `"places_taken" >= 0 AND "places_taken" <= "capacity"`)
@Check('ck_activity_max_companions', `"max_companions" BETWEEN 0 AND 5`)
@Check('ck_activity_occasion', `"occasion" IS NULL OR ("occasion" = 'dag_van_de_mantelzorg' AND "kind" = 'event')`)
@Check('ck_activity_theme', `("kind" = 'peer_group') = ("theme" IS NOT NULL)`)
export class Activity extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  kind: ActivityKind;

  /** "dag_van_de_mantelzorg" for the yearly carers' day; null otherwise. */
  @Column({ type: 'text', nullable: true })
  occasion: typeof DAG_VAN_DE_MANTELZORG | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** Peer groups only: what the group shares. */
  @Column({ type: 'text', nullable: true })
  theme: PeerGroupTheme | null;

  /** Courses only: the training it gives (e.g. "dementia"); attending records it for volunteers and staff. */
  @Column({ type: 'text', nullable: true })
  givesTraining: string | null;

  /** How long that training counts, in months; null: it does not lapse. */
  @Column({ type: 'int', nullable: true })
  trainingValidMonths: number | null;

  /** Who may sign up themselves besides carers: volunteers, staff. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alsoOpenTo: string[];

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  placesTaken: number;

  @Column({ type: 'int', default: 1 })
  maxCompanions: number;

  /** Answers and enrolments can change until this many hours before the first session. */
  @Column({ type: 'int', default: 24 })
  responseCutoffHours: number;

  /** A staff member or volunteer of the municipality who leads it and records attendance. */
  @Column({ type: 'uuid', nullable: true })
  facilitatorAccountId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_activity_municipality' })
  municipality?: Municipality;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_account_id', foreignKeyConstraintName: 'fk_activity_facilitator' })
  facilitator?: Account;
}

/** One meeting of an activity; single sessions can be cancelled or moved. */
@Entity('activity_session')
@Index('ix_activity_session_activity_start', ['activityId', 'startsAt'])
@Index('ix_activity_session_start', ['startsAt'])
@Check('ck_activity_session_times', `"ends_at" > "starts_at"`)
export class ActivitySession extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  activityId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Bumped with every change a calendar must follow: the .ics SEQUENCE, and the key of that change's messages. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_activity_session_activity' })
  activity?: Activity;
}
