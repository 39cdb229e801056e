import { AccountRole, BaseRecord, NO_MUNICIPALITY } from '@app/platform';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Municipality } from './municipality.entity';

export type Language = 'nl' | 'en';

/**
 * A person who signs in: carer, volunteer, staff or admin, bound to one municipality; or an
 * operator of the platform, bound to none (NULL in the database, NO_MUNICIPALITY in code).
 */
@Entity('account')
@Check('ck_account_role', `"role" IN ('carer', 'volunteer', 'staff', 'admin', 'provider', 'operator')`)
@Check('ck_account_operator_municipality', `("role" = 'operator') = ("municipality_id" IS NULL)`)
@Check('ck_account_language', `"language" IN ('nl', 'en')`)
@Check('ck_account_email_lower', `"email" = lower("email")`)
@Check('ck_account_contact_channel', `"contact_channel" IN ('email', 'post')`)
@Index('ix_account_municipality_role', ['municipalityId', 'role'])
export class Account extends BaseRecord {
  @Column({
    type: 'uuid',
    nullable: true,
    transformer: {
      to: (value: string | undefined) => (value === NO_MUNICIPALITY ? null : value),
      from: (value: string | null) => value ?? NO_MUNICIPALITY,
    },
  })
  municipalityId: string;

  /** Lower-cased; one account per address. Null for people without email (registered by staff). */
  @Index('uq_account_email', { unique: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text' })
  role: AccountRole;

  @Column({ type: 'text', nullable: true })
  displayName: string | null;

  @Column({ type: 'text', default: 'nl' })
  language: Language;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Access tokens issued until then are refused (disabled, password reset, erased); see RevokedAccounts. */
  @Index('ix_account_tokens_valid_after', { where: 'tokens_valid_after IS NOT NULL' })
  @Column({ type: 'timestamptz', nullable: true })
  tokensValidAfter: Date | null;

  /** Set when the person's data was erased; the emptied row stays for anonymous figures. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** Last sign-in or token refresh; volunteers' retention period counts from here. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActiveAt: Date;

  /** How the person wants to hear from the steunpunt; "post" people get campaign mail on paper. */
  @Column({ type: 'text', default: 'email' })
  contactChannel: 'email' | 'post';

  /** Set when the person unsubscribed from campaign mail; transactional mail still goes out. */
  @Column({ type: 'timestamptz', nullable: true })
  campaignOptOutAt: Date | null;

  /** Kinds of campaign mail (activity invitations, appreciation news) the person chose not to get. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  mailOptOuts: string[];

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_account_municipality' })
  municipality?: Municipality;
}
