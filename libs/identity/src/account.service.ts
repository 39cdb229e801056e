import { Injectable, Optional } from '@nestjs/common';
import {
  AccountRole,
  noteAuditSubject,
  InjectMunicipalityScoped,
  isUniqueViolation,
  MunicipalityScopedRepository,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  PersonRole,
  RequestContext,
  RevokedAccounts,
} from '@app/platform';
import { MessageService } from '@app/messaging';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { Account, Language } from './account.entity';
import { ACCOUNT_MESSAGES } from './account-message-kinds';
import { CannotDisableSelfError, EmailTakenError, PersonErasedError } from './identity-errors';
import { OneTimeTokens } from './one-time-tokens';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens';

export interface NewAccount {
  municipalityId: string;
  email: string | null;
  role: AccountRole;
  displayName?: string | null;
  language?: Language;
  password?: string;
  emailVerified?: boolean;
  contactChannel?: 'email' | 'post';
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Accounts: creation, email verification, password reset. */
@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectMunicipalityScoped(Account) private readonly scopedAccounts: MunicipalityScopedRepository<Account>,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly oneTimeTokens: OneTimeTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly messages: MessageService,
    private readonly context: RequestContext,
    // Absent in the CLI, which serves no requests.
    @Optional() private readonly revoked?: RevokedAccounts,
  ) {}

  /**
   * Disables an account of the acting municipality: it cannot sign in, its refresh tokens end
   * and its access tokens are refused by every API process within seconds. An admin cannot
   * disable their own account (someone must be left to enable it).
   */
  async disable(id: string): Promise<Account> {
    if (id === this.context.actor().id) throw new CannotDisableSelfError();
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockInMunicipality(manager, id);
      if (!account.disabledAt) {
        await manager.getRepository(Account).update(id, { disabledAt: new Date() });
        await this.refreshTokens.revokeAllOf(id, manager);
        await this.endAccessTokens(manager, id);
      }
      return manager.getRepository(Account).findOneByOrFail({ id });
    });
  }

  /** Lets a disabled account sign in again (erased people stay erased). */
  async enable(id: string): Promise<Account> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockInMunicipality(manager, id);
      if (account.erasedAt) throw new PersonErasedError();
      await manager.getRepository(Account).update(id, { disabledAt: null });
      return manager.getRepository(Account).findOneByOrFail({ id });
    });
  }

  /** Access tokens issued until now stop working; every API process reads this (RevokedAccounts). */
  private async endAccessTokens(manager: EntityManager, accountId: string): Promise<void> {
    await manager.getRepository(Account).update(accountId, { tokensValidAfter: () => 'now()' });
    this.revoked?.noteRevoked(accountId);
  }

  private async lockInMunicipality(manager: EntityManager, id: string): Promise<Account> {
    const account = await manager.getRepository(Account).findOne({
      where: { id, municipalityId: this.context.municipalityId() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!account) throw new NotFoundError({ nl: 'Het account', en: 'The account' });
    return account;
  }

  /** Creates an account, inside the caller's transaction when given one. */
  async create(input: NewAccount, manager?: EntityManager): Promise<Account> {
    const account = this.accounts.create({
      municipalityId: input.municipalityId,
      email: input.email === null ? null : normalizeEmail(input.email),
      role: input.role,
      displayName: input.displayName ?? null,
      language: input.language ?? 'nl',
      passwordHash: input.password ? await this.hasher.hash(input.password) : null,
      emailVerifiedAt: input.emailVerified ? new Date() : null,
      contactChannel: input.contactChannel ?? 'email',
    });
    try {
      return await (manager ? manager.getRepository(Account) : this.accounts).save(account);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_account_email')) throw new EmailTakenError();
      throw error;
    }
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.accounts.findOneBy({ email: normalizeEmail(email) });
  }

  findById(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }

  /** Active admins of a municipality (for escalations). */
  /** Inside a transaction pass its manager: a second pool connection there can starve the pool under load. */
  adminsOf(municipalityId: string, manager?: EntityManager): Promise<Account[]> {
    return this.repository(manager).findBy({ municipalityId, role: 'admin', disabledAt: IsNull() });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Account[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository(manager).findBy({ id: In(ids) });
  }

  private repository(manager?: EntityManager): Repository<Account> {
    return manager ? manager.getRepository(Account) : this.accounts;
  }

  /** A staff or admin account of the acting municipality, invited by email to choose a password. */
  async invite(input: {
    email: string;
    role: 'staff' | 'admin' | 'provider';
    displayName: string;
    language?: Language;
  }): Promise<Account> {
    const draft = this.scopedAccounts.create({
      email: normalizeEmail(input.email),
      role: input.role,
      displayName: input.displayName,
      language: input.language ?? 'nl',
    });
    return this.dataSource.transaction(async (manager) => {
      try {
        const account = await this.scopedAccounts.save(draft, manager);
        noteAuditSubject(account.id);
        await this.queueMessage(manager, account, ACCOUNT_MESSAGES.invitation);
        return account;
      } catch (error) {
        if (isUniqueViolation(error, 'uq_account_email')) throw new EmailTakenError();
        throw error;
      }
    });
  }

  /**
   * A person's own message preferences: campaign mail on or off (re-subscribing after an
   * unsubscribe included) and their language. A person without an email address stays on post.
   */
  async setMessagePreferences(id: string, preferences: { campaignMail: boolean; language: Language }): Promise<void> {
    const account = await this.findById(id);
    if (!account) throw new NotFoundError({ nl: 'Het account', en: 'The account' });
    await this.dataSource.getRepository(Account).update(
      { id },
      {
        campaignOptOutAt: preferences.campaignMail ? null : (account.campaignOptOutAt ?? new Date()),
        language: preferences.language,
      },
    );
  }

  /** Swaps a stored hash for one with the current parameters, unless the password changed meanwhile. */
  async replacePasswordHash(id: string, previous: string, next: string): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id, passwordHash: previous }, { passwordHash: next });
  }

  /** Signing in or refreshing counts as activity; retention of volunteers counts from the last. */
  async markActive(id: string): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id }, { lastActiveAt: new Date() });
  }

  async getInMunicipality(id: string): Promise<Account> {
    const account = await this.scopedAccounts.findOne({ id });
    if (!account) throw new NotFoundError({ nl: 'Het account', en: 'The account' });
    return account;
  }

  listInMunicipality(page: PageQuery, role?: PersonRole): Promise<Page<Account>> {
    const query = this.scopedAccounts.query('account');
    if (role) query.andWhere('account.role = :role', { role });
    return paginate(query, page);
  }

  /** Sends a new verification link to an unverified address; silent otherwise (no account probing). */
  async sendEmailVerification(email: string): Promise<void> {
    const account = await this.accounts.findOneBy({
      email: normalizeEmail(email),
      emailVerifiedAt: IsNull(),
      disabledAt: IsNull(),
    });
    if (!account) return;
    await this.dataSource.transaction((manager) => this.queueMessage(manager, account, ACCOUNT_MESSAGES.verifyEmail));
  }

  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const accountId = await this.oneTimeTokens.consume(token, 'email_verification', manager);
      await manager
        .getRepository(Account)
        .update({ id: accountId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
    });
  }

  /** Always answers the same, whether or not the address has an account. */
  async sendPasswordReset(email: string): Promise<void> {
    const account = await this.accounts.findOneBy({ email: normalizeEmail(email), disabledAt: IsNull() });
    if (!account) return;
    await this.dataSource.transaction((manager) => this.queueMessage(manager, account, ACCOUNT_MESSAGES.passwordReset));
  }

  /** Sets the password, proves the address, and ends every existing sign-in. */
  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const accountId = await this.oneTimeTokens.consume(token, 'password_reset', manager);
      await manager.getRepository(Account).update(accountId, { passwordHash });
      await manager
        .getRepository(Account)
        .update({ id: accountId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
      await this.oneTimeTokens.invalidateOthers(accountId, 'password_reset', manager);
      await this.refreshTokens.revokeAllOf(accountId, manager);
      await this.endAccessTokens(manager, accountId);
    });
  }

  /** Account mail goes by email whatever the contact preference: it is transactional. */
  async queueMessage(manager: EntityManager, account: Account, kind: string): Promise<void> {
    await this.messages.queue(manager, {
      recipient: {
        accountId: account.id,
        municipalityId: account.municipalityId,
        email: account.email,
        language: account.language,
        channel: 'email',
      },
      kind,
    });
  }
}
